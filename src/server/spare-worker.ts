import { Worker } from "node:worker_threads";

/**
 * Worker threads of one script, handed out one per job with a spare always started ahead, so a job does
 * not wait for a thread to load its modules. Shared by the run threads and the task threads.
 */
export class SpareWorkers {
  private spare: Worker | undefined;
  private closed = false;

  constructor(private readonly script: string) {
    this.spare = this.spawn();
  }

  private spawn(): Worker {
    const w = new Worker(this.script);
    // An idle spare must not keep the process alive, and its failure only matters once it is used.
    w.unref();
    w.on("error", () => {});
    // A spare that died before being used is replaced by a fresh thread at the next take.
    w.once("exit", () => {
      if (this.spare === w) this.spare = undefined;
    });
    return w;
  }

  /** A started thread for one job (the caller refs and ends it); a new spare is started unless closed. */
  take(): Worker {
    const worker = this.spare ?? this.spawn();
    this.spare = this.closed ? undefined : this.spawn();
    return worker;
  }

  /** Stops the spare thread; threads already taken are their callers' to end. */
  close(): void {
    this.closed = true;
    void this.spare?.terminate();
    this.spare = undefined;
  }
}
