import { z } from "zod";
import { idField, instantField, numberInput, optionalTextField, versionField } from "@/lib/validation/fields";

const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

// An allocation: `quantity` of a block's accelerators to a workload over [startAt, endAt); no end = to the block's end.
export const AllocationFields = z.object({
  reservationId: idField("a reservation"),
  workloadId: idField("a workload"),
  quantity: z.preprocess(
    numberInput("quantity"),
    z.coerce
      .number({ message: "Enter a quantity." })
      .int("Quantity must be a whole number of accelerators.")
      .min(1, "Quantity must be at least 1.")
      .max(10_000_000, "Quantity is at most 10,000,000."),
  ),
  startAt: instantField("a start"),
  endAt: z.preprocess(blankToUndefined, instantField("an end").nullable().optional()).transform((v) => v ?? null),
  notes: optionalTextField("notes", 1000),
});

const periodOk = (a: { startAt?: unknown; endAt?: unknown }) =>
  !(a.startAt instanceof Date && a.endAt instanceof Date) || a.endAt.getTime() > a.startAt.getTime();

export const CreateAllocationInput = AllocationFields.refine(periodOk, { path: ["endAt"], message: "The end must be after the start." });
export type CreateAllocationInput = z.infer<typeof CreateAllocationInput>;

export const UpdateAllocationInput = z.object({
  id: idField("an allocation"),
  version: versionField,
  changes: AllocationFields.omit({ reservationId: true })
    .partial()
    .refine((c) => Object.keys(c).length > 0, "Nothing to change."),
});
export type UpdateAllocationInput = z.infer<typeof UpdateAllocationInput>;

export const ArchiveAllocationInput = z.object({ id: idField("an allocation"), version: versionField });
