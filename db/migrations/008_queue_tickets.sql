-- Queue numbers (STT): one per visit, numbered per local day and room/service; they survive a restart and restart
-- at 1 each day.
CREATE TABLE queue_tickets (
  visit_id   TEXT PRIMARY KEY REFERENCES visits(id),
  day        TEXT NOT NULL,
  queue      TEXT NOT NULL,
  number     INTEGER NOT NULL,
  priority   TEXT CHECK (priority IN ('emergency', 'under-6', 'pregnant', 'severe-disability', 'aged-75', 'merit')),
  issued_at  TEXT NOT NULL,
  UNIQUE (day, queue, number)
);
