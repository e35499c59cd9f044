-- The dates that matter in a grant (issue 19), as the grants register shows them (GrantProjection).
-- usage_report_due: set by the approval (the programme part's default where the approval named none), moved by an
-- extension. The *_overdue flags: the platform recorded that the date passed, and nothing answered it since.
alter table grant_view add column usage_report_due date;
alter table grant_view add column usage_report_overdue boolean default false not null;
alter table grant_view add column review_overdue boolean default false not null;
alter table grant_view add column decision_overdue boolean default false not null;

-- The history's facts of dates name the due date (and an extension the one before it).
alter table grant_history add column due_before date;
alter table grant_history add column due_on date;

-- Every disbursed tranche, with the day it was reported as spent and whether its spending is overdue. The day it is
-- due is two months after the disbursement (ProgrammeDates.spendingDueOn), computed when read.
create table grant_tranche (
    grant_id           char(36)    not null,
    tranche            integer     not null,
    centre_id          varchar(8)  not null,
    amount_cents       bigint      not null,
    disbursed_on       date        not null,
    spent_reported_on  date,
    spending_overdue   boolean     not null,
    primary key (grant_id, tranche)
);

-- The dates the ministry set per programme part (ProgrammeDatesProjection); a part without a row has the defaults.
create table programme_dates_view (
    programme_part         varchar(20)   not null,
    usage_report_months    integer       not null,
    reminder_weeks         integer       not null,
    review_weeks           integer       not null,
    decision_weeks         integer       not null,
    reason                 varchar(4000),
    set_at                 timestamp with time zone not null,
    set_by                 varchar(200),
    last_sequence          bigint        not null,
    primary key (programme_part)
);

-- Grants approved before: every approval until now took the default, six months after the funding year for every
-- programme part (ProgrammeDates.defaults), as a rebuild gives them.
update grant_view set usage_report_due = cast(cast(funding_year + 1 as varchar(4)) || '-06-30' as date)
 where approved_cents is not null;

-- Tranches disbursed before: from the history, where each disbursement's line reads
-- "Tranche <n>, ausgezahlt am <TT.MM.JJJJ>" (GrantProjection); tranches count from 1 in the order of the history.
insert into grant_tranche (grant_id, tranche, centre_id, amount_cents, disbursed_on, spent_reported_on, spending_overdue)
select grant_id, tranche, centre_id, amount_cents,
       case when reason like 'Tranche %, ausgezahlt am __.__.____'
            then cast(substr(reason, length(reason) - 3, 4) || '-' || substr(reason, length(reason) - 6, 2) || '-'
                      || substr(reason, length(reason) - 9, 2) as date)
            else cast(occurred_at as date) end,
       null, false
  from (select grant_id, centre_id, amount_cents, reason, occurred_at,
               row_number() over (partition by grant_id order by sequence_number) as tranche
          from grant_history where fact = 'DISBURSED' and amount_cents is not null) disbursements;
