import { describe, expect, it } from "vitest";
import { num } from "../../src/expr/ast.js";
import { HallOfFame } from "../../src/explain/hall-of-fame.js";
import type { PopMember } from "../../src/explain/pop-member.js";

const member = (complexity: number, loss: number, hash = `h${complexity}-${loss}`): PopMember => ({ expr: num(loss), hash, loss, complexity, birth: 0 });

describe("hall of fame: best per complexity", () => {
  it("keeps one member per complexity, the one of least loss", () => {
    const hof = new HallOfFame();
    expect(hof.offer(member(3, 0.5))).toBe(true);
    expect(hof.offer(member(3, 0.2))).toBe(true);
    expect(hof.offer(member(3, 0.4))).toBe(false);
    expect(hof.offer(member(5, 0.9))).toBe(true);
    expect(hof.members().map((m) => [m.complexity, m.loss])).toEqual([
      [3, 0.2],
      [5, 0.9],
    ]);
  });

  it("breaks a tie of loss by hash, whatever the order of arrival", () => {
    const a = member(4, 0.3, "aaa");
    const b = member(4, 0.3, "bbb");
    const first = new HallOfFame();
    first.offer(b);
    first.offer(a);
    const second = new HallOfFame();
    second.offer(a);
    expect(second.offer(b)).toBe(false);
    expect(first.members()[0].hash).toBe("aaa");
    expect(second.members()[0].hash).toBe("aaa");
  });

  it("keeps the first of two equal members (same loss, same hash)", () => {
    const hof = new HallOfFame();
    const a = member(2, 0.1, "same");
    hof.offer(a);
    expect(hof.offer({ ...a, birth: 9 })).toBe(false);
    expect(hof.members()[0].birth).toBe(0);
  });

  it("lists members by increasing complexity and knows the least loss", () => {
    const hof = new HallOfFame();
    expect(hof.bestLoss()).toBe(Infinity);
    for (const [c, l] of [
      [9, 0.01],
      [1, 0.8],
      [4, 0.3],
    ]) hof.offer(member(c, l));
    expect(hof.members().map((m) => m.complexity)).toEqual([1, 4, 9]);
    expect(hof.bestLoss()).toBe(0.01);
  });
});

describe("hall of fame: Pareto front", () => {
  it("keeps only members strictly better than every simpler one", () => {
    const hof = new HallOfFame();
    for (const [c, l] of [
      [1, 0.9],
      [2, 0.95], // dominated: more complex and worse than complexity 1
      [3, 0.5],
      [4, 0.5], // dominated: not strictly better than complexity 3
      [6, 0.1],
      [8, 0.2], // dominated
    ]) hof.offer(member(c, l));
    const front = hof.paretoFront();
    expect(front.map((m) => [m.complexity, m.loss])).toEqual([
      [1, 0.9],
      [3, 0.5],
      [6, 0.1],
    ]);
    // Along the front, loss falls strictly as complexity grows.
    for (let k = 1; k < front.length; k++) {
      expect(front[k].complexity).toBeGreaterThan(front[k - 1].complexity);
      expect(front[k].loss).toBeLessThan(front[k - 1].loss);
    }
  });

  it("lets a better member join the front and push out those it dominates", () => {
    const hof = new HallOfFame();
    hof.offer(member(2, 0.5));
    hof.offer(member(5, 0.3));
    hof.offer(member(7, 0.2));
    hof.offer(member(3, 0.1));
    expect(hof.paretoFront().map((m) => m.complexity)).toEqual([2, 3]);
  });

  it("is empty when nothing was offered", () => {
    expect(new HallOfFame().paretoFront()).toEqual([]);
  });
});
