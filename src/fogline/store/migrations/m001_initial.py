"""The first schema: per-document records, and the corpus-wide link and assess results."""

SQL = """
CREATE TABLE documents (
    id TEXT PRIMARY KEY,
    text TEXT NOT NULL,
    title TEXT, url TEXT, outlet TEXT, author TEXT,
    published_at TEXT, language TEXT, path TEXT
);
CREATE TABLE sentences (
    document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    "index" INTEGER NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL, text TEXT NOT NULL,
    PRIMARY KEY (document_id, "index")
);
CREATE TABLE mentions (
    document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    start INTEGER NOT NULL, "end" INTEGER NOT NULL, text TEXT NOT NULL, label TEXT NOT NULL
);
CREATE TABLE times (
    document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    start INTEGER NOT NULL, "end" INTEGER NOT NULL, text TEXT NOT NULL, type TEXT NOT NULL,
    value TEXT
);
CREATE TABLE statements (
    id TEXT PRIMARY KEY,
    document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    sentence_index INTEGER NOT NULL,
    speaker TEXT NOT NULL, speaker_start INTEGER NOT NULL, speaker_end INTEGER NOT NULL,
    cue TEXT NOT NULL, cue_start INTEGER NOT NULL, cue_end INTEGER NOT NULL,
    content TEXT NOT NULL, content_start INTEGER NOT NULL, content_end INTEGER NOT NULL,
    direct INTEGER NOT NULL,
    venue TEXT, addressee TEXT, said_at TEXT, said_at_text TEXT, event_at TEXT,
    event_at_text TEXT, via TEXT, hedges TEXT NOT NULL, speaker_hint TEXT,
    resolved_speaker TEXT, resolution TEXT NOT NULL, echoes TEXT
);
CREATE TABLE claims (
    id TEXT PRIMARY KEY,
    document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    statement_id TEXT REFERENCES statements(id) ON DELETE CASCADE,
    text TEXT NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL,
    modality TEXT NOT NULL, hedges TEXT NOT NULL, loaded TEXT NOT NULL
);
CREATE TABLE analyses (
    document_id TEXT PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
    analyzer TEXT NOT NULL
);
CREATE TABLE actors (
    id TEXT PRIMARY KEY, name TEXT NOT NULL, kind TEXT NOT NULL, side TEXT, grade TEXT,
    aliases TEXT NOT NULL
);
CREATE TABLE statement_actors (
    statement_id TEXT PRIMARY KEY REFERENCES statements(id) ON DELETE CASCADE,
    actor_id TEXT NOT NULL REFERENCES actors(id) ON DELETE CASCADE
);
CREATE TABLE document_actors (
    document_id TEXT PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
    actor_id TEXT NOT NULL REFERENCES actors(id) ON DELETE CASCADE
);
CREATE TABLE propositions (
    id TEXT PRIMARY KEY, text TEXT NOT NULL, claim_ids TEXT NOT NULL
);
CREATE TABLE questions (
    id TEXT PRIMARY KEY, text TEXT NOT NULL, derived INTEGER NOT NULL, about TEXT NOT NULL
);
CREATE TABLE hypotheses (
    id TEXT NOT NULL, question_id TEXT NOT NULL REFERENCES questions(id) ON DELETE CASCADE,
    position INTEGER NOT NULL, text TEXT NOT NULL, favours TEXT, phrasings TEXT NOT NULL,
    PRIMARY KEY (question_id, id)
);
CREATE TABLE stances (
    claim_id TEXT NOT NULL, hypothesis_id TEXT NOT NULL, question_id TEXT NOT NULL,
    label TEXT NOT NULL, confidence REAL NOT NULL,
    PRIMARY KEY (claim_id, question_id, hypothesis_id)
);
CREATE TABLE dependences (
    claim_id TEXT NOT NULL, depends_on TEXT NOT NULL, kind TEXT NOT NULL, score REAL NOT NULL,
    PRIMARY KEY (claim_id, depends_on, kind)
);
CREATE TABLE evidence (
    id TEXT PRIMARY KEY, question_id TEXT NOT NULL, source_id TEXT NOT NULL,
    hypothesis_id TEXT NOT NULL, label TEXT NOT NULL, claim_ids TEXT NOT NULL,
    weight REAL NOT NULL, factors TEXT NOT NULL, absent INTEGER NOT NULL
);
CREATE TABLE contributions (
    evidence_id TEXT NOT NULL REFERENCES evidence(id) ON DELETE CASCADE,
    hypothesis_id TEXT NOT NULL, value REAL NOT NULL,
    PRIMARY KEY (evidence_id, hypothesis_id)
);
CREATE TABLE posteriors (
    question_id TEXT NOT NULL, hypothesis_id TEXT NOT NULL, probability REAL NOT NULL,
    low REAL NOT NULL, high REAL NOT NULL, log_prior_c REAL NOT NULL, majority INTEGER NOT NULL,
    votes INTEGER NOT NULL,
    PRIMARY KEY (question_id, hypothesis_id)
);
CREATE TABLE reliability (
    source_id TEXT PRIMARY KEY, accuracy REAL NOT NULL, low REAL NOT NULL, high REAL NOT NULL,
    independence REAL NOT NULL
);
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE problems (path TEXT PRIMARY KEY, reason TEXT NOT NULL);
CREATE INDEX statements_document ON statements(document_id);
CREATE INDEX claims_document ON claims(document_id);
CREATE INDEX claims_statement ON claims(statement_id);
CREATE INDEX sentences_document ON sentences(document_id)
"""
