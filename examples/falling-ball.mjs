/* global process, console */
// An external world for `worldbreaker discover --external "node examples/falling-ball.mjs"`: a ball
// dropped from rest falls distance = g*t^2/2 (g = 9.81 m/s²), measured with 1% noise. The received
// theory is Aristotle's: it falls at a constant speed, distance = v*t.
// It speaks JSON lines on stdin/stdout (docs/worlds.md, "External worlds").
import { createInterface } from "node:readline";

// A fixed pseudo-random noise per experiment, so the same experiment always gives the same answer.
function noise(t) {
  const u = Math.sin(t * 12.9898 + 78.233) * 43758.5453;
  return (u - Math.floor(u) - 0.5) * 0.02;
}

createInterface({ input: process.stdin }).on("line", (line) => {
  const req = JSON.parse(line);
  if (req.op === "describe") {
    console.log(JSON.stringify({
      name: "falling-ball",
      description: "a ball dropped from rest; how far has it fallen after time t?",
      receivedTheory: "v*t",
      inputs: [{ name: "t", min: 0.1, max: 3, kind: "real", initial: [0.1, 0.5], unit: "s" }],
      output: { name: "distance", unit: "m" },
      noise: "1% of the distance",
      noiseModel: { kind: "relative" },
    }));
  } else if (req.op === "run") {
    console.log(JSON.stringify({ outputs: req.inputs.map(({ t }) => (9.81 * t * t / 2) * (1 + noise(t))) }));
  } else if (req.op === "close") {
    process.exit(0);
  }
});
