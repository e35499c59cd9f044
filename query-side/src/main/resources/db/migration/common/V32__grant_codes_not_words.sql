-- The grants register and the grant history store codes, not German words: the fact of a history entry
-- is a GrantFact (APPLIED, REVIEWED, ...), the next step of a grant a GrantNextStep (REVIEW, DECISION, ...),
-- and the web words them from its message bundles in the reader's language. The rows written before
-- get their codes here, so an existing database keeps working without a rebuild (a rebuild writes the
-- same codes). Rows already holding codes are left as they are.
update grant_history set fact = case fact
        when 'Antrag gestellt' then 'APPLIED'
        when 'Geprüft' then 'REVIEWED'
        when 'Bewilligt' then 'APPROVED'
        when 'Abgelehnt' then 'REJECTED'
        when 'Zurückgezogen' then 'WITHDRAWN'
        when 'Änderungsbescheid' then 'AMENDED'
        when 'Mittelabruf' then 'FUNDS_REQUESTED'
        when 'Auszahlung' then 'DISBURSED'
        when 'Verwendungsnachweis' then 'USAGE_REPORTED'
        when 'Abgeschlossen' then 'CLOSED'
        when 'Rückzahlung' then 'REPAID'
        else fact end;

-- The repayment carried its amount in the words; the register has the amounts to word it again.
update grant_view set next_step = case
        when next_step = 'Prüfung durch die Bezirksregierung' then 'REVIEW'
        when next_step = 'Entscheidung des Ministeriums' then 'DECISION'
        when next_step = 'Auszahlung durch die Bezirksregierung' then 'DISBURSEMENT'
        when next_step = 'Mittelabruf möglich' then 'REQUEST_FUNDS'
        when next_step = 'Verwendungsnachweis einreichen' then 'USAGE_REPORT'
        when next_step = 'Prüfung des Verwendungsnachweises' then 'REPORT_CHECK'
        when next_step like 'Rückzahlung von %' then 'REPAYMENT'
        when next_step = '—' then 'NONE'
        else next_step end;
