import js from "@eslint/js";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["dist/**", "web/dist/**", "node_modules/**", "coverage/**", "bench-out/**", "test-output/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "no-new-func": "off",
    },
  },
  {
    files: ["bin/**/*.js", "*.js", ".ci/**/*.js"],
    languageOptions: { globals: { process: "readonly", console: "readonly" } },
  },
);
