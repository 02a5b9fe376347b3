"use client";

import Link from "next/link";
import { StatusBadge } from "@/components/registers/status-badge";

// The rows of a contract's reservations, drawn from compact rows, sent once: the largest contracts have 150+ blocks,
// and a server-rendered table of them would be sent twice (as HTML and again as the React flight payload).

/** One row, formatted on the server: id, name, site, type, quantity, start, end, rate, pricing model, status. */
export type LinkedReservationRow = [
  id: string,
  name: string,
  site: string,
  type: string,
  quantity: string,
  start: string,
  end: string,
  rate: string,
  pricing: string,
  status: string,
];

const HEADERS = ["Reservation", "Site", "Type", "Quantity", "Start", "End", "Rate / AH", "Status"];

export function LinkedReservationsTable({ rows }: { rows: LinkedReservationRow[] }) {
  return (
    <table className="w-full text-left text-sm">
      <caption className="sr-only">Reservations linked to this contract</caption>
      <thead className="border-b border-slate-200 text-xs text-slate-600 uppercase dark:border-slate-800 dark:text-slate-400">
        <tr>
          {HEADERS.map((h) => (
            <th key={h} scope="col" className={`px-3 py-2 font-medium ${h === "Quantity" || h === "Rate / AH" ? "text-right" : ""}`}>
              {h}
            </th>
          ))}
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100 dark:divide-slate-800 [&_td]:px-3 [&_td]:py-2">
        {rows.map(([id, name, site, type, quantity, start, end, rate, pricing, status]) => (
          <tr key={id}>
            <td>
              <Link href={`/reservations/${id}`} className="font-medium text-brand-700 hover:underline dark:text-brand-300">
                {name}
              </Link>
            </td>
            <td>{site}</td>
            <td>{type}</td>
            <td className="text-right tabular-nums">{quantity}</td>
            <td className="whitespace-nowrap">{start}</td>
            <td className="whitespace-nowrap">{end}</td>
            <td className="text-right tabular-nums">
              {rate} <span className="text-xs text-slate-500 dark:text-slate-400">{pricing}</span>
            </td>
            <td>
              <StatusBadge status={status} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
