"use client";

import Link from "next/link";
import { ButtonForm } from "@/app/components/button-form";
import { closeLeadAction, pauseLeadAction } from "@/app/leads/actions";
import { LogTouchForm } from "@/app/touches/log-touch-form";
import type { CalendarDate } from "@/lib/domain";
import type { FollowUpCard, LeadCardData } from "@/lib/today/lead-card";

/**
 * A lead's row on Today, drawn from its data (lib/today/lead-card.ts): who, what is due, the last
 * touch, the quiet playbook or what the last outcome asks for, how to reach them, and the
 * one-tap buttons that log a touch.
 */
export function LeadCard({ card, timeZone }: { card: LeadCardData; timeZone: string }) {
  const { id, company } = card;
  return (
    <article aria-labelledby={`lead-${id}-name`} aria-describedby={`lead-${id}-status`} className={card.done ? "lead-card lead-card-done" : "lead-card"}>
      <div className="space-y-3">
        <div className="lead-card-head">
          <div>
            <h3 id={`lead-${id}-name`}>
              <Link href={`/leads/${id}`}>{company}</Link>
            </h3>
            {card.person ? <p className="lead-card-text">{card.person}</p> : null}
          </div>
          <p id={`lead-${id}-status`} className="lead-card-status">
            {card.status}
          </p>
        </div>
        <p className="lead-card-text">{card.lastTouch}</p>
        {card.quiet ? (
          <div className="lead-card-quiet">
            <p>{card.quiet.message}</p>
            <ul>
              {card.quiet.steps.map((step) => {
                switch (step.kind) {
                  case "switch_channel":
                  case "send_material":
                    return <li key={step.kind}>{step.text}</li>;
                  case "pause":
                    return (
                      <li key={step.kind}>
                        <PauseButton id={id} company={company} until={step.until} label="Pause for 30 days" />
                      </li>
                    );
                  case "close":
                    return (
                      <li key={step.kind}>
                        <CloseButton id={id} company={company} closedAs="dropped" reason="No answer after five touches" label="Close it" />
                      </li>
                    );
                }
              })}
            </ul>
          </div>
        ) : null}
        {card.followUp ? <FollowUp followUp={card.followUp} id={id} company={company} /> : null}
        {card.phone || card.email ? (
          <p className="lead-card-contact">
            {card.phone ? (
              <a href={card.phone.href} className="link link-tap">
                {`Call ${card.phone.text}`}
              </a>
            ) : null}
            {card.email ? (
              <a href={`mailto:${card.email}`} className="link link-tap break-all">
                {`E-mail ${card.email}`}
              </a>
            ) : null}
          </p>
        ) : null}
        <LogTouchForm
          lead={{ id, company }}
          timeZone={timeZone}
          suggestedChannel={card.suggestedChannel ?? undefined}
          sentMaterialIds={card.sentMaterialIds}
        />
      </div>
    </article>
  );
}

function FollowUp({ followUp, id, company }: { followUp: FollowUpCard; id: string; company: string }) {
  switch (followUp.kind) {
    case "thank_you":
      return <p className="text-sm text-stone-700">{followUp.text}</p>;
    case "add_referred_lead":
      return (
        <p className="text-sm">
          <Link href={followUp.href} className="link link-tap">
            {`Add the person ${company} referred you to as a lead`}
          </Link>
        </p>
      );
    case "close_or_pause":
      return (
        <div className="flex flex-wrap gap-2 text-sm">
          <p className="w-full text-stone-700">They said no. Close the lead, or come back to it in 90 days.</p>
          <CloseButton id={id} company={company} closedAs="dropped" reason="Rejected" label="Close it" />
          <PauseButton id={id} company={company} until={followUp.pauseUntil} label="Pause for 90 days" />
        </div>
      );
    case "close_won":
      return (
        <div className="flex flex-wrap gap-2 text-sm">
          <p className="w-full text-stone-700">An offer! Close this lead as won.</p>
          <CloseButton id={id} company={company} closedAs="won" reason="" label="Close as won" />
        </div>
      );
  }
}

/** Pausing the lead until a date: its button names the lead for screen readers. */
function PauseButton({ id, company, until, label }: { id: string; company: string; until: CalendarDate; label: string }) {
  return (
    <ButtonForm action={pauseLeadAction} fields={{ leadId: id, pausedUntil: until }}>
      {label}
      <span className="sr-only">{` ${company}`}</span>
    </ButtonForm>
  );
}

/** Closing the lead, dropped or won, with the reason kept on it: its button names the lead for screen readers. */
function CloseButton({ id, company, closedAs, reason, label }: { id: string; company: string; closedAs: "dropped" | "won"; reason: string; label: string }) {
  return (
    <ButtonForm action={closeLeadAction} fields={{ leadId: id, closedAs, closedReason: reason }}>
      {label}
      <span className="sr-only">{` ${company}`}</span>
    </ButtonForm>
  );
}
