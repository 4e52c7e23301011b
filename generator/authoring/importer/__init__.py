"""Turn Swedish minutes (text, Markdown, Word, LibreOffice or PDF) into content files.

The package, in the direction its imports point:

- `words`     — every Swedish word list, label table and role word the rules use (data only)
- `messages`  — the command's and readers' messages to the author, in one place
- `dates`     — Swedish dates and times in a text (pure functions)
- `names`     — the known federations and projects and finding them in a text
- `kinds`     — the meeting's type
- `lines`     — small helpers on Markdown-ish lines
- `people`    — one person line, name lists
- `labels`    — which label a header line carries; two-column layouts read as labels
- `attendees` — the lists of people in the header, grouped as the protocol groups them
- `place`     — a place value: location, online, link
- `body`      — the body as clean Markdown, no word lost
- `events`    — the coming dates the minutes announce, as proposed events
- `header`    — the labelled header fields (title, date, people, place)
- `notes`     — typed reviews (field + issue) for the report
- `report`    — the report lines and the table after a folder
- `result`    — what one import gives
- `minutes`   — `import_minutes`: text in, front matter + body + events + report out (pure)
- `readers/`  — one file (.txt, .md, .docx, .odt, .pdf) → text
- `write`     — `sitegen import`: files and folders in, meeting folders and events out

The importer never invents. A field it cannot find stays out of the front matter and the report
says so; the body keeps every word of the original; the original file is kept beside the meeting.
"""
from generator.authoring.importer.dates import MONTH_NAMES, WEEKDAY_NAMES, DateMention, TimeSpan, find_date_mentions, find_time_spans, format_swedish_date, iso_week_range, resolve_day
from generator.authoring.importer.minutes import import_minutes
from generator.authoring.importer.names import KnownItem, KnownNames, best_name, find_names
from generator.authoring.importer.people import normalise_role, parse_people, parse_person
from generator.authoring.importer.result import ImportResult, ProposedEvent
from generator.authoring.importer.write import import_command, to_file_text

__all__ = ["MONTH_NAMES", "WEEKDAY_NAMES", "DateMention", "TimeSpan", "find_date_mentions",
           "find_time_spans", "format_swedish_date", "iso_week_range", "resolve_day", "import_minutes",
           "KnownItem", "KnownNames", "best_name", "find_names", "normalise_role", "parse_people",
           "parse_person", "ImportResult", "ProposedEvent", "import_command", "to_file_text"]
