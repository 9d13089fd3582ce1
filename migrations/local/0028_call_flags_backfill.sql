-- A call ticked as an emergency before the urgent column existed stays at the top of triage.
-- Keyword emergencies are found by the core on its first start (src-main/calls/call-flags.ts).
UPDATE `calls` SET `urgent` = `emergency` WHERE `emergency` = 1;
