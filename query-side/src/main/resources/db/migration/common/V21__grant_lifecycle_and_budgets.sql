-- The grant's life after approval, and the budgets (processing group "grant-views").
-- Portable SQL: PostgreSQL 15+ and H2 2.3 in PostgreSQL mode. Money in euro cents (bigint).

-- ---------------------------------------------------------------- grant-views: grant_view

-- Sums that grow with facts start at zero (no replay needed for rows projected before V21:
-- no such fact existed then); amounts a single fact sets stay null until that fact.
alter table grant_view add column disbursed_cents bigint default 0 not null;
-- all funds the centre requested (Mittelabruf); still open = requested − disbursed, floored at 0
alter table grant_view add column funds_requested_cents bigint default 0 not null;
alter table grant_view add column spent_cents bigint;
alter table grant_view add column volunteers_reached integer;
alter table grant_view add column usage_report varchar(20000);
alter table grant_view add column reported_on date;
alter table grant_view add column check_note varchar(4000);
alter table grant_view add column closed_on date;
alter table grant_view add column repayment_demanded_cents bigint;
alter table grant_view add column repaid_cents bigint default 0 not null;

-- the grants register by programme part and region (ministry filters), and the budget use
create index ix_grant_view_year_part_centre on grant_view (funding_year, programme_part, centre_id);
create index ix_grant_view_region_year on grant_view (region, funding_year);

-- ---------------------------------------------------------------- grant-views: grant_history

-- The disbursed total before and after each fact (null before the grant existed).
alter table grant_history add column disbursed_before_cents bigint;
alter table grant_history add column disbursed_after_cents bigint;

-- ---------------------------------------------------------------- grant-views: budgets

-- The budgets the ministry set (BudgetProjection): one row per funding year and programme part,
-- state-wide (centre_id null) or for one centre. budget_id is the budget's string form
-- (2026/PART_II_A or 2026/PART_II_A/05315), the aggregate identifier on the command side.
create table budget_view (
    budget_id       varchar(40)   not null,
    funding_year    integer       not null,
    programme_part  varchar(20)   not null,
    centre_id       varchar(8),
    amount_cents    bigint        not null,
    reason          varchar(4000),
    set_at          timestamp with time zone not null,
    set_by          varchar(200),
    last_sequence   bigint        not null,
    constraint pk_budget_view primary key (budget_id)
);
create index ix_budget_view_year on budget_view (funding_year, programme_part, centre_id);
