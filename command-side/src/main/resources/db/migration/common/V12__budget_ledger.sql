-- The budget ledger (JdbcBudgetLedger, ADR 0007): the set-based check that approved grants never
-- exceed the ministry's budgets. One row per budget: state-wide per funding year and programme part
-- (centre_id null), or a centre's share. budget_cents is null on rows of centres without a share of
-- their own, which only count what is approved. Written in the command's transaction; derived from
-- BudgetSetEvent, GrantApprovedEvent and GrantAmendedEvent, so it can be checked against the events.
create table budget_ledger (
    budget_id      varchar(40) not null,
    funding_year   integer     not null,
    programme_part varchar(20) not null,
    centre_id      varchar(8),
    budget_cents   bigint,
    approved_cents bigint      not null,
    constraint pk_budget_ledger primary key (budget_id),
    constraint ck_budget_ledger_within check (budget_cents is null or approved_cents <= budget_cents),
    constraint ck_budget_ledger_not_negative check (approved_cents >= 0)
);
