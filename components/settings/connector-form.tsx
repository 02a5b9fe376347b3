"use client";

import { useState } from "react";
import { EditFormHeader, fieldError, SelectField, TextField } from "@/components/registers/form-fields";
import { useRegisterForm } from "@/components/registers/use-register-form";
import { Button } from "@/components/ui/button";
import type { ActionError, ActionResult } from "@/lib/errors";

export type ConnectorFormValues = {
  name: string;
  kind: string;
  providerId: string;
  prefix: string;
  schedule: string;
  enabled: boolean;
  endpoint: string;
  region: string;
  bucket: string;
  forcePathStyle: boolean;
  accountUrl: string;
  container: string;
  auth: string;
};

const KIND_OPTIONS = [
  { value: "s3", label: "S3-compatible (AWS, OCI, Google Cloud Storage, CoreWeave…)" },
  { value: "azure_blob", label: "Azure Blob Storage" },
];

const AUTH_OPTIONS = [
  { value: "connection_string", label: "Connection string" },
  { value: "sas", label: "SAS token" },
  { value: "account_key", label: "Account key" },
];

const toDetail = (id: string) => `/settings/connectors/${id}`;

function Checkbox({ name, label, hint, defaultChecked }: { name: string; label: string; hint: string; defaultChecked: boolean }) {
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={`f-${name}`} className="flex items-center gap-2 text-sm font-medium">
        <input id={`f-${name}`} type="checkbox" name={name} defaultChecked={defaultChecked} aria-describedby={`f-${name}-hint`} />
        {label}
      </label>
      <p id={`f-${name}-hint`} className="text-xs text-slate-600 dark:text-slate-400">
        {hint}
      </p>
    </div>
  );
}

/** A credential input: never filled in; on an edit, blank keeps the saved value. */
function SecretField({ name, label, state, edit }: { name: string; label: string; state: ActionError | null; edit: boolean }) {
  return (
    <TextField
      name={name}
      label={label}
      type="password"
      hint={
        edit ? "Unchanged: leave blank to keep the saved value, or type a new one to replace it." : "Stored encrypted; never shown again."
      }
      error={fieldError(state, name)}
    />
  );
}

export function ConnectorForm({
  action,
  values,
  providers,
  edit,
}: {
  action: (prev: unknown, form: FormData) => Promise<ActionResult<{ id: string }>>;
  values: ConnectorFormValues;
  providers: { value: string; label: string }[];
  edit?: { id: string; version: number };
}) {
  const { state, pending, onSubmit } = useRegisterForm(action, toDetail);
  const [kind, setKind] = useState(values.kind || "s3");
  const [auth, setAuth] = useState(values.auth || "connection_string");
  const err = (name: string) => fieldError(state, name);
  return (
    <form onSubmit={onSubmit} noValidate className="mt-4 space-y-5" aria-label={edit ? "Edit connector" : "New connector"}>
      <EditFormHeader state={state} edit={edit} toDetail={toDetail} />
      {edit ? (
        <>
          <input type="hidden" name="id" value={edit.id} />
          <input type="hidden" name="version" value={edit.version} />
        </>
      ) : null}
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField name="name" label="Name" defaultValue={values.name} error={err("name")} required />
        <SelectField
          name="providerId"
          label="Provider it bills for"
          options={providers}
          empty="Choose a provider"
          defaultValue={values.providerId}
          error={err("providerId")}
          required
        />
        <SelectField name="kind" label="Storage" options={KIND_OPTIONS} defaultValue={kind} onChange={setKind} />
        <TextField
          name="prefix"
          label="Prefix"
          defaultValue={values.prefix}
          hint="The folder the exports are written under, e.g. focus/daily/. Blank: the whole bucket."
          error={err("prefix")}
        />
        <TextField
          name="schedule"
          label="Schedule (cron, UTC)"
          defaultValue={values.schedule}
          hint="minute hour day month weekday; 0 6 * * * runs at 06:00 UTC daily."
          error={err("schedule")}
          required
        />
        <Checkbox name="enabled" label="Run on schedule" hint="Off: runs only with Run now." defaultChecked={values.enabled} />
      </div>

      {kind === "s3" ? (
        <fieldset className="grid min-w-0 gap-4 rounded-md border [overflow-wrap:anywhere] border-slate-200 p-4 sm:grid-cols-2 dark:border-slate-800">
          <legend className="px-1 text-sm font-semibold">S3-compatible storage</legend>
          <TextField
            name="endpoint"
            label="Endpoint URL"
            defaultValue={values.endpoint}
            hint="Blank for AWS; the S3-compatible endpoint of OCI (NAMESPACE.compat.objectstorage.REGION.oraclecloud.com), Google (storage.googleapis.com) or your neocloud."
            error={err("endpoint")}
          />
          <TextField name="region" label="Region" defaultValue={values.region || "us-east-1"} error={err("region")} required />
          <TextField name="bucket" label="Bucket" defaultValue={values.bucket} error={err("bucket")} required />
          <Checkbox
            name="forcePathStyle"
            label="Path-style addressing"
            hint="On for most S3-compatible stores (endpoint/bucket/key); off for AWS."
            defaultChecked={values.forcePathStyle}
          />
          <SecretField name="accessKeyId" label="Access key id" state={state} edit={Boolean(edit)} />
          <SecretField name="secretAccessKey" label="Secret access key" state={state} edit={Boolean(edit)} />
        </fieldset>
      ) : (
        <fieldset className="grid min-w-0 gap-4 rounded-md border [overflow-wrap:anywhere] border-slate-200 p-4 sm:grid-cols-2 dark:border-slate-800">
          <legend className="px-1 text-sm font-semibold">Azure Blob Storage</legend>
          <SelectField name="auth" label="Sign in with" options={AUTH_OPTIONS} defaultValue={auth} onChange={setAuth} />
          <TextField
            name="accountUrl"
            label="Account URL"
            defaultValue={values.accountUrl}
            hint={auth === "connection_string" ? "Optional with a connection string." : "https://ACCOUNT.blob.core.windows.net"}
            error={err("accountUrl")}
          />
          <TextField name="container" label="Container" defaultValue={values.container} error={err("container")} required />
          {auth === "connection_string" ? (
            <SecretField name="connectionString" label="Connection string" state={state} edit={Boolean(edit)} />
          ) : auth === "sas" ? (
            <SecretField name="sasToken" label="SAS token" state={state} edit={Boolean(edit)} />
          ) : (
            <SecretField name="accountKey" label="Account key" state={state} edit={Boolean(edit)} />
          )}
        </fieldset>
      )}
      <Button type="submit" disabled={pending}>
        {pending ? "Saving…" : edit ? "Save changes" : "Create connector"}
      </Button>
    </form>
  );
}
