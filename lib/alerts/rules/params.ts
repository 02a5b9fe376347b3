import { z } from "zod";
import { numberInput } from "@/lib/validation/fields";

/** A whole number from a form or JSON, with the field's own messages. */
export function wholeParam(label: string, min: number, max: number) {
  return z.preprocess(
    (v, ctx) => {
      const s = numberInput(label)(v, ctx);
      return typeof s === "string" ? (s === "" ? undefined : Number(s)) : s;
    },
    z
      .number({ message: `Enter ${label}.` })
      .int(`${cap(label)} must be a whole number.`)
      .min(min, `${cap(label)} must be at least ${min}.`)
      .max(max, `${cap(label)} must be at most ${max}.`),
  );
}

/** A decimal threshold kept as a string (never a float). */
export function decimalParam(label: string, max: string) {
  return z.preprocess(
    (v, ctx) => (typeof v === "number" ? String(v) : numberInput(label)(v, ctx)),
    z
      .string({ message: `Enter ${label}.` })
      .min(1, `Enter ${label}.`)
      .regex(/^\d+(\.\d{1,4})?$/, `${cap(label)} must be a number of 0 or more with at most 4 decimals.`)
      .refine((s) => Number(s) <= Number(max), `${cap(label)} must be at most ${max}.`),
  );
}

function cap(label: string): string {
  const s = label.replace(/^(a|an|the) /, "");
  return s.charAt(0).toUpperCase() + s.slice(1);
}

export const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;
