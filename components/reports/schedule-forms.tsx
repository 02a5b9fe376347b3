"use client";

import { useRouter } from "next/navigation";
import { useActionState, useEffect, useState, useTransition, type FormEvent } from "react";
import { FormError, fieldError, SelectField, TextAreaField, TextField } from "@/components/registers/form-fields";
import { Button } from "@/components/ui/button";
import type { ActionResult } from "@/lib/errors";

export type ScheduleValues = {
  id?: string;
  version?: number;
  cadence: string;
  weekday: string;
  dayOfMonth: string;
  hour: string;
  timeZone: string;
  recipients: string;
  csvSections: string[];
  linkDays: string;
  enabled: boolean;
};

const WEEKDAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"].map((label, i) => ({
  value: String(i),
  label,
}));
const DAYS = Array.from({ length: 28 }, (_, i) => ({ value: String(i + 1), label: String(i + 1) }));
const HOURS = Array.from({ length: 24 }, (_, i) => ({ value: String(i), label: `${String(i).padStart(2, "0")}:00` }));
const CADENCES = [
  { value: "weekly", label: "Weekly" },
  { value: "monthly", label: "Monthly" },
];

/** Add or edit one email schedule of a report. */
export function ScheduleForm({
  reportId,
  values,
  sections,
  action,
}: {
  reportId: string;
  values: ScheduleValues;
  sections: { value: string; label: string }[];
  action: (prev: unknown, form: FormData) => Promise<ActionResult<{ id: string }>>;
}) {
  const router = useRouter();
  const [state, dispatch, pending] = useActionState(action, null);
  const [, startTransition] = useTransition();
  const [cadence, setCadence] = useState(values.cadence);
  useEffect(() => {
    if (state?.ok) router.refresh();
  }, [state, router]);
  const failed = state && !state.ok ? state : null;
  const err = (name: string) => fieldError(failed, name);
  const prefix = values.id ? `s-${values.id.slice(0, 8)}-` : "s-new-";
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    startTransition(() => dispatch(form));
  };
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4" aria-label={values.id ? "Edit email schedule" : "New email schedule"}>
      <FormError state={failed} />
      {state?.ok ? (
        <p role="status" className="text-sm text-emerald-700 dark:text-emerald-400">
          Schedule saved.
        </p>
      ) : null}
      <input type="hidden" name="reportId" value={reportId} />
      {values.id ? (
        <>
          <input type="hidden" name="id" value={values.id} />
          <input type="hidden" name="version" value={values.version} />
        </>
      ) : null}
      <div className="grid gap-4 sm:grid-cols-4">
        <SelectField
          idPrefix={prefix}
          name="cadence"
          label="Cadence"
          options={CADENCES}
          defaultValue={cadence}
          onChange={setCadence}
          error={err("cadence")}
        />
        {cadence === "weekly" ? (
          <SelectField
            idPrefix={prefix}
            name="weekday"
            label="Weekday"
            options={WEEKDAYS}
            defaultValue={values.weekday}
            error={err("weekday")}
          />
        ) : (
          <SelectField
            idPrefix={prefix}
            name="dayOfMonth"
            label="Day of the month"
            options={DAYS}
            defaultValue={values.dayOfMonth}
            error={err("dayOfMonth")}
          />
        )}
        <SelectField idPrefix={prefix} name="hour" label="Hour" options={HOURS} defaultValue={values.hour} error={err("hour")} />
        <TextField
          idPrefix={prefix}
          name="timeZone"
          label="Time zone"
          defaultValue={values.timeZone}
          hint="IANA name, e.g. Europe/Berlin"
          error={err("timeZone")}
        />
      </div>
      <TextAreaField
        idPrefix={prefix}
        name="recipients"
        label="Recipients"
        defaultValue={values.recipients}
        hint="Email addresses, one per line or separated by commas."
        error={err("recipients")}
      />
      <fieldset className="space-y-1">
        <legend className="text-sm font-medium">Sections attached as CSV</legend>
        <div className="flex flex-wrap gap-x-4 gap-y-1">
          {sections.map((s) => (
            <label key={s.value} className="flex items-center gap-2 text-sm">
              <input type="checkbox" name="csvSections" value={s.value} defaultChecked={values.csvSections.includes(s.value)} />
              {s.label}
            </label>
          ))}
        </div>
        {err("csvSections") ? <p className="text-xs font-medium text-red-700 dark:text-red-400">{err("csvSections")}</p> : null}
      </fieldset>
      <div className="grid gap-4 sm:grid-cols-4">
        <TextField
          idPrefix={prefix}
          name="linkDays"
          label={`Link valid for (days)`}
          type="number"
          inputMode="numeric"
          defaultValue={values.linkDays}
          hint="Each mail carries a fresh share link."
          error={err("linkDays")}
        />
      </div>
      {values.id ? (
        <label htmlFor={`${prefix}enabled`} className="flex items-center gap-2 text-sm font-medium">
          <input id={`${prefix}enabled`} type="checkbox" name="enabled" defaultChecked={values.enabled} />
          Enabled
        </label>
      ) : (
        <input type="hidden" name="enabled" value="on" />
      )}
      <Button type="submit" disabled={pending}>
        {pending ? "Saving…" : values.id ? "Save schedule" : "Add schedule"}
      </Button>
    </form>
  );
}

/** Send now, Disable / Enable and Delete for one schedule. */
export function ScheduleRowActions({
  id,
  version,
  enabled,
  reportId,
  sendNow,
  setEnabled,
  remove,
}: {
  id: string;
  version: number;
  enabled: boolean;
  reportId: string;
  sendNow: (input: { id: string; reportId: string }) => Promise<ActionResult<{ ok: boolean; error: string | null }>>;
  setEnabled: (input: { id: string; version: number; enabled: boolean; reportId: string }) => Promise<ActionResult<{ id: string }>>;
  remove: (input: { id: string; version: number; reportId: string }) => Promise<ActionResult<{ id: string }>>;
}) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const run = (work: () => Promise<{ ok: boolean; text: string } | null>) =>
    startTransition(async () => {
      const result = await work();
      setMessage(result);
      router.refresh();
    });
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap gap-2">
        <Button
          type="button"
          size="sm"
          disabled={pending}
          onClick={() =>
            run(async () => {
              const r = await sendNow({ id, reportId });
              if (!r.ok) return { ok: false, text: r.error };
              return r.data.ok ? { ok: true, text: "Sent." } : { ok: false, text: `Not sent: ${r.data.error}. It will be retried.` };
            })
          }
        >
          {pending ? "Working…" : "Send now"}
        </Button>
        <Button
          type="button"
          size="sm"
          variant="ghost"
          disabled={pending}
          onClick={() =>
            run(async () => {
              const r = await setEnabled({ id, version, enabled: !enabled, reportId });
              return r.ok ? null : { ok: false, text: r.error };
            })
          }
        >
          {enabled ? "Disable" : "Enable"}
        </Button>
        <Button
          type="button"
          size="sm"
          variant="ghost"
          disabled={pending}
          onClick={() =>
            run(async () => {
              if (!window.confirm("Delete this email schedule?")) return null;
              const r = await remove({ id, version, reportId });
              return r.ok ? null : { ok: false, text: r.error };
            })
          }
        >
          Delete
        </Button>
      </div>
      {message ? (
        <p
          role={message.ok ? "status" : "alert"}
          className={`text-sm font-medium ${message.ok ? "text-emerald-700 dark:text-emerald-400" : "text-red-700 dark:text-red-400"}`}
        >
          {message.text}
        </p>
      ) : null}
    </div>
  );
}
