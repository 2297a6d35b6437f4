import { useId, useState } from "react";
import { uploadFile, type UploadInfo } from "../api";

/** A file picker that uploads at once and reports what the server found in the file. */
export function UploadField({
  label,
  accept,
  hint,
  maxBytes,
  onUploaded,
  example,
}: {
  label: string;
  accept: string;
  hint: string;
  maxBytes: number;
  onUploaded: (u: UploadInfo | null) => void;
  /** A shipped table the reader can try with one click. */
  example?: { label: string; file: () => File };
}) {
  const id = useId();
  const [state, setState] = useState<{ busy: boolean; error: string | null; info: UploadInfo | null }>({ busy: false, error: null, info: null });
  const onChange = async (file: File | undefined) => {
    onUploaded(null);
    if (!file) return setState({ busy: false, error: null, info: null });
    if (file.size > maxBytes) {
      return setState({ busy: false, error: `${file.name} is larger than this server accepts (${Math.round(maxBytes / 1024 / 1024)} MiB).`, info: null });
    }
    setState({ busy: true, error: null, info: null });
    try {
      const info = await uploadFile(file);
      setState({ busy: false, error: null, info });
      onUploaded(info);
    } catch (e) {
      setState({ busy: false, error: (e as Error).message, info: null });
    }
  };
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input id={id} type="file" accept={accept} aria-describedby={`${id}-hint`} onChange={(e) => void onChange(e.target.files?.[0])} />
      {example && (
        <button type="button" className="link" onClick={() => void onChange(example.file())}>
          {example.label}
        </button>
      )}
      <p id={`${id}-hint`} className="hint">
        {hint}
      </p>
      {state.busy && <p className="muted">Reading the file…</p>}
      {state.error && (
        <p className="error" role="alert">
          {state.error}
        </p>
      )}
      {state.info && (
        <p className="ok" role="status">
          Read {state.info.name}: {state.info.rows.toLocaleString("en")} rows
          {state.info.kind === "staged" ? " in stages" : ""}; columns {state.info.columns.join(", ")}.
        </p>
      )}
    </div>
  );
}
