"use client";

import Link from "next/link";
import type { ClientRow } from "@/lib/coach/client-row";
import { WeeklyChart } from "./weekly-chart";

/** The Clients table's body, drawn from each row's data (lib/coach/client-row.ts). */
export function ClientRows({ rows }: { rows: readonly ClientRow[] }) {
  return (
    <tbody>
      {rows.map((row, index) => (
        <tr key={row.seekerId}>
          <th scope="row">
            <Link href={`/coach/clients/${row.seekerId}`}>{row.name}</Link>
          </th>
          <td>
            <span>
              <strong className={row.onPace.low ? "text-red-700" : undefined}>{row.onPace.text}</strong>
              <small>{row.onPace.detail}</small>
            </span>
          </td>
          <td>{row.campaign}</td>
          <td>{row.contacted}</td>
          <td className={row.firstContacts.short ? "text-amber-800" : undefined}>{row.firstContacts.text}</td>
          <td>
            {row.streak}
            <small>{row.calledToday ? "called today" : "no call yet today"}</small>
          </td>
          <td>{row.overdue}</td>
          <td className={row.cold > 0 ? "font-semibold text-red-700" : undefined}>{row.cold}</td>
          <td>{row.quiet}</td>
          <td>{row.tooSoon}</td>
          <td>{row.phoneShare}</td>
          <td>{row.lastActivity}</td>
          <td>
            <WeeklyChart id={`chart-${index}`} chart={row.chart} />
          </td>
        </tr>
      ))}
    </tbody>
  );
}
