import js from "@eslint/js";
import nextPlugin from "@next/eslint-plugin-next";
import jsxA11y from "eslint-plugin-jsx-a11y";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";

export default tseslint.config(
  {
    ignores: ["node_modules/", ".next/", ".data*/", "coverage/", "test-results/", "playwright-report/", ".test-reports/", "next-env.d.ts"],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.node, ...globals.browser },
    },
  },
  {
    // A field is left out of a row (a secret hash out of an audit entry) by destructuring it beside a rest.
    rules: { "@typescript-eslint/no-unused-vars": ["error", { ignoreRestSiblings: true }] },
  },
  reactHooks.configs.flat["recommended-latest"] ?? reactHooks.configs["recommended-latest"],
  jsxA11y.flatConfigs.recommended,
  nextPlugin.configs["core-web-vitals"],
  {
    // shadcn-style primitives, left as generated (STYLE.md): a heading's content and a label's control arrive through props.
    files: ["components/ui/**"],
    rules: { "jsx-a11y/heading-has-content": "off", "jsx-a11y/label-has-associated-control": "off" },
  },
  {
    // The sign-in page is nothing but its form: the email field taking focus is what the visitor came for.
    files: ["app/signin/client.tsx"],
    rules: { "jsx-a11y/no-autofocus": "off" },
  },
  {
    // Playwright fixtures hand their value to a callback named `use`; e2e holds no React.
    files: ["e2e/**"],
    rules: { "react-hooks/rules-of-hooks": "off" },
  },
  {
    // A test's fake source (an async generator or function standing in for a stream or a read) has no await by design.
    files: ["**/*.test.ts", "lib/testing/**"],
    rules: { "@typescript-eslint/require-await": "off" },
  },
  {
    // Vitest types its asymmetric matchers (expect.any, expect.stringMatching, expect.closeTo …) as any.
    files: ["**/*.test.ts"],
    rules: { "@typescript-eslint/no-unsafe-assignment": "off", "@typescript-eslint/no-unsafe-return": "off" },
  },
  {
    files: ["**/*.mjs", "**/*.js", "**/*.cjs"],
    extends: [tseslint.configs.disableTypeChecked],
  },
);
