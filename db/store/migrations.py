"""Numbered schema migrations of the unit file.

Each step runs inside one transaction together with the bump of
``PRAGMA user_version``; ``db.unit_file`` copies the file aside before the first
step.  A step's SQL is frozen once released: later changes are new steps.
"""

from __future__ import annotations

from collections.abc import Callable

from peewee import SqliteDatabase

from db.store.sort_keys import SQL_FUNCTION, sort_key

Step = Callable[[SqliteDatabase], None]

# Version 1: the records as first released.
V1_SCHEMA: tuple[str, ...] = (
    'CREATE TABLE "setting" ("id" INTEGER NOT NULL PRIMARY KEY, "uuid" VARCHAR(36) NOT NULL, "revision" INTEGER NOT NULL, "updated_at" DATETIME NOT NULL, "deleted" INTEGER NOT NULL, "key" VARCHAR(255) NOT NULL, "value" TEXT NOT NULL);',
    'CREATE UNIQUE INDEX "setting_uuid" ON "setting" ("uuid");',
    'CREATE INDEX "setting_deleted" ON "setting" ("deleted");',
    'CREATE UNIQUE INDEX "setting_key" ON "setting" ("key");',
    'CREATE TABLE "unit" ("id" INTEGER NOT NULL PRIMARY KEY, "uuid" VARCHAR(36) NOT NULL, "revision" INTEGER NOT NULL, "updated_at" DATETIME NOT NULL, "deleted" INTEGER NOT NULL, "name" VARCHAR(255) NOT NULL, "kind" VARCHAR(255) NOT NULL, "city" VARCHAR(255));',
    'CREATE UNIQUE INDEX "unit_uuid" ON "unit" ("uuid");',
    'CREATE INDEX "unit_deleted" ON "unit" ("deleted");',
    'CREATE TABLE "cadre" ("id" INTEGER NOT NULL PRIMARY KEY, "uuid" VARCHAR(36) NOT NULL, "revision" INTEGER NOT NULL, "updated_at" DATETIME NOT NULL, "deleted" INTEGER NOT NULL, "unit_id" INTEGER NOT NULL, "name" VARCHAR(255) NOT NULL, "title" VARCHAR(255), "phone" VARCHAR(255), FOREIGN KEY ("unit_id") REFERENCES "unit" ("id") ON DELETE RESTRICT);',
    'CREATE UNIQUE INDEX "cadre_uuid" ON "cadre" ("uuid");',
    'CREATE INDEX "cadre_deleted" ON "cadre" ("deleted");',
    'CREATE INDEX "cadre_unit_id" ON "cadre" ("unit_id");',
    'CREATE TABLE "investor" ("id" INTEGER NOT NULL PRIMARY KEY, "uuid" VARCHAR(36) NOT NULL, "revision" INTEGER NOT NULL, "updated_at" DATETIME NOT NULL, "deleted" INTEGER NOT NULL, "name" VARCHAR(255) NOT NULL, "credit_code" VARCHAR(255), "origin" VARCHAR(255), "nature" VARCHAR(255), "category" VARCHAR(255), "contact_person" VARCHAR(255), "contact_phone" VARCHAR(255));',
    'CREATE UNIQUE INDEX "investor_uuid" ON "investor" ("uuid");',
    'CREATE INDEX "investor_deleted" ON "investor" ("deleted");',
    'CREATE INDEX "investor_name" ON "investor" ("name");',
    'CREATE INDEX "investor_credit_code" ON "investor" ("credit_code");',
    'CREATE TABLE "signing_event" ("id" INTEGER NOT NULL PRIMARY KEY, "uuid" VARCHAR(36) NOT NULL, "revision" INTEGER NOT NULL, "updated_at" DATETIME NOT NULL, "deleted" INTEGER NOT NULL, "name" VARCHAR(255) NOT NULL, "date" DATE NOT NULL, "place" VARCHAR(255), "unit_id" INTEGER, "note" TEXT, FOREIGN KEY ("unit_id") REFERENCES "unit" ("id") ON DELETE RESTRICT);',
    'CREATE UNIQUE INDEX "signing_event_uuid" ON "signing_event" ("uuid");',
    'CREATE INDEX "signing_event_deleted" ON "signing_event" ("deleted");',
    'CREATE INDEX "signing_event_unit_id" ON "signing_event" ("unit_id");',
    'CREATE TABLE "project" ("id" INTEGER NOT NULL PRIMARY KEY, "uuid" VARCHAR(36) NOT NULL, "revision" INTEGER NOT NULL, "updated_at" DATETIME NOT NULL, "deleted" INTEGER NOT NULL, "code" VARCHAR(255), "name" VARCHAR(255) NOT NULL, "investor_id" INTEGER NOT NULL, "capital" VARCHAR(255) NOT NULL, "total_investment" INTEGER, "fixed_asset_investment" INTEGER, "registered_capital" INTEGER, "construction_kind" VARCHAR(255), "industry_code" VARCHAR(2), "local_industry" VARCHAR(255), "chain" VARCHAR(255), "content" TEXT, "land_mu" INTEGER, "floor_area_m2" INTEGER, "expected_sales" INTEGER, "expected_output" INTEGER, "expected_tax" INTEGER, "new_jobs" INTEGER, "carrier" VARCHAR(255), "info_source" VARCHAR(255), "unit_id" INTEGER NOT NULL, "person_in_charge" VARCHAR(255), "issues" TEXT, "remarks" TEXT, "designation" VARCHAR(255), "planned_production" DATE, "signing_event_id" INTEGER, "stage" VARCHAR(255) NOT NULL, FOREIGN KEY ("investor_id") REFERENCES "investor" ("id") ON DELETE RESTRICT, FOREIGN KEY ("unit_id") REFERENCES "unit" ("id") ON DELETE RESTRICT, FOREIGN KEY ("signing_event_id") REFERENCES "signing_event" ("id") ON DELETE SET NULL);',
    'CREATE UNIQUE INDEX "project_uuid" ON "project" ("uuid");',
    'CREATE INDEX "project_deleted" ON "project" ("deleted");',
    'CREATE INDEX "project_code" ON "project" ("code");',
    'CREATE INDEX "project_name" ON "project" ("name");',
    'CREATE INDEX "project_investor_id" ON "project" ("investor_id");',
    'CREATE INDEX "project_unit_id" ON "project" ("unit_id");',
    'CREATE INDEX "project_signing_event_id" ON "project" ("signing_event_id");',
    'CREATE INDEX "project_stage" ON "project" ("stage");',
    'CREATE TABLE "phase" ("id" INTEGER NOT NULL PRIMARY KEY, "uuid" VARCHAR(36) NOT NULL, "revision" INTEGER NOT NULL, "updated_at" DATETIME NOT NULL, "deleted" INTEGER NOT NULL, "project_id" INTEGER NOT NULL, "seq" INTEGER NOT NULL, "name" VARCHAR(255) NOT NULL, "investment" INTEGER, "content" TEXT, "floor_area_m2" INTEGER, "expected_sales" INTEGER, FOREIGN KEY ("project_id") REFERENCES "project" ("id") ON DELETE CASCADE);',
    'CREATE UNIQUE INDEX "phase_uuid" ON "phase" ("uuid");',
    'CREATE INDEX "phase_deleted" ON "phase" ("deleted");',
    'CREATE INDEX "phase_project_id" ON "phase" ("project_id");',
    'CREATE TABLE "capacity_line" ("id" INTEGER NOT NULL PRIMARY KEY, "uuid" VARCHAR(36) NOT NULL, "revision" INTEGER NOT NULL, "updated_at" DATETIME NOT NULL, "deleted" INTEGER NOT NULL, "project_id" INTEGER NOT NULL, "phase_id" INTEGER, "seq" INTEGER NOT NULL, "product" VARCHAR(255) NOT NULL, "quantity" INTEGER NOT NULL, "unit" VARCHAR(255) NOT NULL, FOREIGN KEY ("project_id") REFERENCES "project" ("id") ON DELETE CASCADE, FOREIGN KEY ("phase_id") REFERENCES "phase" ("id") ON DELETE SET NULL);',
    'CREATE UNIQUE INDEX "capacity_line_uuid" ON "capacity_line" ("uuid");',
    'CREATE INDEX "capacity_line_deleted" ON "capacity_line" ("deleted");',
    'CREATE INDEX "capacity_line_project_id" ON "capacity_line" ("project_id");',
    'CREATE INDEX "capacity_line_phase_id" ON "capacity_line" ("phase_id");',
    'CREATE TABLE "stage_event" ("id" INTEGER NOT NULL PRIMARY KEY, "uuid" VARCHAR(36) NOT NULL, "revision" INTEGER NOT NULL, "updated_at" DATETIME NOT NULL, "deleted" INTEGER NOT NULL, "project_id" INTEGER NOT NULL, "stage" VARCHAR(255) NOT NULL, "date" DATE NOT NULL, "reason" TEXT, "note" TEXT, "recorded_at" DATETIME NOT NULL, FOREIGN KEY ("project_id") REFERENCES "project" ("id") ON DELETE CASCADE);',
    'CREATE UNIQUE INDEX "stage_event_uuid" ON "stage_event" ("uuid");',
    'CREATE INDEX "stage_event_deleted" ON "stage_event" ("deleted");',
    'CREATE INDEX "stage_event_project_id" ON "stage_event" ("project_id");',
    'CREATE INDEX "stage_event_date" ON "stage_event" ("date");',
    'CREATE TABLE "milestone" ("id" INTEGER NOT NULL PRIMARY KEY, "uuid" VARCHAR(36) NOT NULL, "revision" INTEGER NOT NULL, "updated_at" DATETIME NOT NULL, "deleted" INTEGER NOT NULL, "project_id" INTEGER NOT NULL, "kind" VARCHAR(255) NOT NULL, "date" DATE NOT NULL, "note" TEXT, FOREIGN KEY ("project_id") REFERENCES "project" ("id") ON DELETE CASCADE);',
    'CREATE UNIQUE INDEX "milestone_uuid" ON "milestone" ("uuid");',
    'CREATE INDEX "milestone_deleted" ON "milestone" ("deleted");',
    'CREATE INDEX "milestone_project_id" ON "milestone" ("project_id");',
    'CREATE TABLE "follow_up" ("id" INTEGER NOT NULL PRIMARY KEY, "uuid" VARCHAR(36) NOT NULL, "revision" INTEGER NOT NULL, "updated_at" DATETIME NOT NULL, "deleted" INTEGER NOT NULL, "project_id" INTEGER NOT NULL, "date" DATE NOT NULL, "kind" VARCHAR(255) NOT NULL, "people" VARCHAR(255), "summary" TEXT NOT NULL, "next_step" TEXT, "due_date" DATE, "done" INTEGER NOT NULL, FOREIGN KEY ("project_id") REFERENCES "project" ("id") ON DELETE CASCADE);',
    'CREATE UNIQUE INDEX "follow_up_uuid" ON "follow_up" ("uuid");',
    'CREATE INDEX "follow_up_deleted" ON "follow_up" ("deleted");',
    'CREATE INDEX "follow_up_project_id" ON "follow_up" ("project_id");',
    'CREATE INDEX "follow_up_due_date" ON "follow_up" ("due_date");',
)


def _v1_create_records(db: SqliteDatabase) -> None:
    for statement in V1_SCHEMA:
        db.execute_sql(statement)


# Version 2: a trigram full-text index over project name, investor and notes,
# so that a search for any Chinese substring (大亚, 电梯) is instant.
V2_SCHEMA: tuple[str, ...] = (
    'CREATE VIRTUAL TABLE "project_search" USING fts5('
    "name, investor, notes, tokenize = 'trigram')",
    'CREATE TRIGGER "project_search_ai" AFTER INSERT ON "project" BEGIN '
    'INSERT INTO "project_search"(rowid, name, investor, notes) VALUES (new.id, new.name, '
    '(SELECT name FROM "investor" WHERE id = new.investor_id), '
    "coalesce(new.code, '') || ' ' || coalesce(new.content, '') || ' ' || coalesce(new.remarks, '') || ' ' || coalesce(new.issues, '') || ' ' || coalesce(new.local_industry, '') || ' ' || coalesce(new.chain, '') || ' ' || coalesce(new.person_in_charge, '')); END",
    'CREATE TRIGGER "project_search_ad" AFTER DELETE ON "project" BEGIN '
    'DELETE FROM "project_search" WHERE rowid = old.id; END',
    'CREATE TRIGGER "project_search_au" AFTER UPDATE ON "project" BEGIN '
    'DELETE FROM "project_search" WHERE rowid = old.id; '
    'INSERT INTO "project_search"(rowid, name, investor, notes) VALUES (new.id, new.name, '
    '(SELECT name FROM "investor" WHERE id = new.investor_id), '
    "coalesce(new.code, '') || ' ' || coalesce(new.content, '') || ' ' || coalesce(new.remarks, '') || ' ' || coalesce(new.issues, '') || ' ' || coalesce(new.local_industry, '') || ' ' || coalesce(new.chain, '') || ' ' || coalesce(new.person_in_charge, '')); END",
    'CREATE TRIGGER "project_search_investor_au" AFTER UPDATE OF name ON "investor" BEGIN '
    'UPDATE "project_search" SET investor = new.name '
    'WHERE rowid IN (SELECT id FROM "project" WHERE investor_id = new.id); END',
    'INSERT INTO "project_search"(rowid, name, investor, notes) '
    "SELECT p.id, p.name, i.name, coalesce(p.code, '') || ' ' || coalesce(p.content, '') || ' ' || coalesce(p.remarks, '') || ' ' || coalesce(p.issues, '') || ' ' || coalesce(p.local_industry, '') || ' ' || coalesce(p.chain, '') || ' ' || coalesce(p.person_in_charge, '') "
    'FROM "project" p JOIN "investor" i ON i.id = p.investor_id',
)


def _v2_search_index(db: SqliteDatabase) -> None:
    for statement in V2_SCHEMA:
        db.execute_sql(statement)


# Version 3: handing files to headquarters.  Every file has these tables and
# columns (one format for units and headquarters); only a headquarters file fills
# them: the log of accepted handovers, the pinned key of each unit, the
# conflicts kept for review, the suspected duplicates, and on every record the
# base of the three-way merge with its provenance (the unit and export it was
# last merged from, when, the unit's revision then and headquarters' own).
V3_SCHEMA: tuple[str, ...] = (
    'CREATE TABLE "handover" ("id" INTEGER NOT NULL PRIMARY KEY, "export_uuid" VARCHAR(36) NOT NULL, "unit_uuid" VARCHAR(36) NOT NULL, "unit_name" VARCHAR(255) NOT NULL, "sequence" INTEGER NOT NULL, "exported_at" DATETIME NOT NULL, "merged_at" DATETIME NOT NULL, "file_name" VARCHAR(255) NOT NULL, "data_sha256" VARCHAR(64) NOT NULL, "manifest" TEXT NOT NULL, "summary" TEXT NOT NULL, "flag" VARCHAR(255));',
    'CREATE UNIQUE INDEX "handover_export_uuid" ON "handover" ("export_uuid");',
    'CREATE INDEX "handover_unit_uuid" ON "handover" ("unit_uuid");',
    'CREATE TABLE "unit_key" ("id" INTEGER NOT NULL PRIMARY KEY, "unit_uuid" VARCHAR(36) NOT NULL, "public_key" VARCHAR(255) NOT NULL, "action" VARCHAR(255) NOT NULL, "at" DATETIME NOT NULL, "note" TEXT);',
    'CREATE INDEX "unit_key_unit_uuid" ON "unit_key" ("unit_uuid");',
    'CREATE TABLE "merge_conflict" ("id" INTEGER NOT NULL PRIMARY KEY, "uuid" VARCHAR(36) NOT NULL, "revision" INTEGER NOT NULL, "updated_at" DATETIME NOT NULL, "deleted" INTEGER NOT NULL, "table_name" VARCHAR(255) NOT NULL, "record_uuid" VARCHAR(36) NOT NULL, "unit_uuid" VARCHAR(36) NOT NULL, "export_uuid" VARCHAR(36) NOT NULL, "unit_revision" INTEGER NOT NULL, "hq_values" TEXT NOT NULL, "unit_values" TEXT NOT NULL, "fields" TEXT NOT NULL, "status" VARCHAR(255) NOT NULL, "detected_at" DATETIME NOT NULL, "resolved_at" DATETIME);',
    'CREATE UNIQUE INDEX "merge_conflict_uuid" ON "merge_conflict" ("uuid");',
    'CREATE INDEX "merge_conflict_deleted" ON "merge_conflict" ("deleted");',
    'CREATE INDEX "merge_conflict_record_uuid" ON "merge_conflict" ("record_uuid");',
    'CREATE INDEX "merge_conflict_status" ON "merge_conflict" ("status");',
    'CREATE TABLE "duplicate_pair" ("id" INTEGER NOT NULL PRIMARY KEY, "uuid" VARCHAR(36) NOT NULL, "revision" INTEGER NOT NULL, "updated_at" DATETIME NOT NULL, "deleted" INTEGER NOT NULL, "first_uuid" VARCHAR(36) NOT NULL, "second_uuid" VARCHAR(36) NOT NULL, "reason" VARCHAR(255) NOT NULL, "status" VARCHAR(255) NOT NULL, "credited_uuid" VARCHAR(36), "detected_at" DATETIME NOT NULL, "decided_at" DATETIME);',
    'CREATE UNIQUE INDEX "duplicate_pair_uuid" ON "duplicate_pair" ("uuid");',
    'CREATE INDEX "duplicate_pair_deleted" ON "duplicate_pair" ("deleted");',
    'CREATE UNIQUE INDEX "duplicate_pair_first_uuid_second_uuid" ON "duplicate_pair" ("first_uuid", "second_uuid");',
    'CREATE INDEX "duplicate_pair_status" ON "duplicate_pair" ("status");',
)


V3_MERGED_TABLES: tuple[str, ...] = (
    "unit",
    "cadre",
    "investor",
    "signing_event",
    "project",
    "phase",
    "capacity_line",
    "stage_event",
    "milestone",
    "follow_up",
)
V3_MERGED_COLUMNS: tuple[str, ...] = (
    '"merged_unit" VARCHAR(36)',
    '"merged_export" VARCHAR(36)',
    '"merged_at" DATETIME',
    '"merged_revision" INTEGER',
    '"merged_hq_revision" INTEGER',
)


def _v3_handover(db: SqliteDatabase) -> None:
    for statement in V3_SCHEMA:
        db.execute_sql(statement)
    for table in V3_MERGED_TABLES:
        for column in V3_MERGED_COLUMNS:
            db.execute_sql(f'ALTER TABLE "{table}" ADD COLUMN {column};')


# Version 4: the qualifier of a planned figure as officials write it (约/超/达/以上,
# db.rules.qualifier), beside each figure that may carry one.
V4_SCHEMA: tuple[str, ...] = (
    'ALTER TABLE "project" ADD COLUMN "land_mu_qualifier" VARCHAR(255);',
    'ALTER TABLE "project" ADD COLUMN "floor_area_m2_qualifier" VARCHAR(255);',
    'ALTER TABLE "project" ADD COLUMN "expected_sales_qualifier" VARCHAR(255);',
    'ALTER TABLE "project" ADD COLUMN "expected_output_qualifier" VARCHAR(255);',
    'ALTER TABLE "project" ADD COLUMN "expected_tax_qualifier" VARCHAR(255);',
    'ALTER TABLE "project" ADD COLUMN "new_jobs_qualifier" VARCHAR(255);',
    'ALTER TABLE "phase" ADD COLUMN "floor_area_m2_qualifier" VARCHAR(255);',
    'ALTER TABLE "phase" ADD COLUMN "expected_sales_qualifier" VARCHAR(255);',
    'ALTER TABLE "capacity_line" ADD COLUMN "quantity_qualifier" VARCHAR(255);',
)


def _v4_qualifiers(db: SqliteDatabase) -> None:
    for statement in V4_SCHEMA:
        db.execute_sql(statement)


# Version 5: Chinese text sorts by pinyin (db.store.sort_keys): a sort key beside each
# short text column the ledger sorts by, kept by the file's own triggers on every
# insert and on every update of its text, through the SQL function pinyin_sort_key
# (registered by ``migrate`` on the connection that writes).  A row written with the
# right keys is left alone; any other (no keys, or a unit's wrong ones) is corrected.  The keys of the rows
# already there are filled here.  The search index's update trigger now fires only
# when a column it indexes changes, so that writing a key (or the cached stage) does
# not rewrite the index.
V5_SCHEMA: tuple[str, ...] = (
    'DROP TRIGGER "project_search_au";',
    'ALTER TABLE "project" ADD COLUMN "name_sort_key" VARCHAR(255);',
    'ALTER TABLE "project" ADD COLUMN "local_industry_sort_key" VARCHAR(255);',
    'ALTER TABLE "project" ADD COLUMN "chain_sort_key" VARCHAR(255);',
    'ALTER TABLE "project" ADD COLUMN "construction_kind_sort_key" VARCHAR(255);',
    'ALTER TABLE "project" ADD COLUMN "info_source_sort_key" VARCHAR(255);',
    'ALTER TABLE "project" ADD COLUMN "person_in_charge_sort_key" VARCHAR(255);',
    'ALTER TABLE "investor" ADD COLUMN "name_sort_key" VARCHAR(255);',
    'ALTER TABLE "investor" ADD COLUMN "origin_sort_key" VARCHAR(255);',
    'ALTER TABLE "unit" ADD COLUMN "name_sort_key" VARCHAR(255);',
    'UPDATE "project" SET "name_sort_key" = pinyin_sort_key("name"), "local_industry_sort_key" = pinyin_sort_key("local_industry"), "chain_sort_key" = pinyin_sort_key("chain"), "construction_kind_sort_key" = pinyin_sort_key("construction_kind"), "info_source_sort_key" = pinyin_sort_key("info_source"), "person_in_charge_sort_key" = pinyin_sort_key("person_in_charge");',
    'UPDATE "investor" SET "name_sort_key" = pinyin_sort_key("name"), "origin_sort_key" = pinyin_sort_key("origin");',
    'UPDATE "unit" SET "name_sort_key" = pinyin_sort_key("name");',
    'CREATE TRIGGER "project_search_au" AFTER UPDATE OF "name", "investor_id", "code", "content", "remarks", "issues", "local_industry", "chain", "person_in_charge" ON "project" BEGIN '
    'DELETE FROM "project_search" WHERE rowid = old.id; '
    'INSERT INTO "project_search"(rowid, name, investor, notes) VALUES (new.id, new.name, '
    '(SELECT name FROM "investor" WHERE id = new.investor_id), '
    "coalesce(new.code, '') || ' ' || coalesce(new.content, '') || ' ' || coalesce(new.remarks, '') || ' ' || coalesce(new.issues, '') || ' ' || coalesce(new.local_industry, '') || ' ' || coalesce(new.chain, '') || ' ' || coalesce(new.person_in_charge, '')); END",
    'CREATE TRIGGER "project_sort_key_ai" AFTER INSERT ON "project" '
    'WHEN new."name_sort_key" IS NOT pinyin_sort_key(new."name") OR new."local_industry_sort_key" IS NOT pinyin_sort_key(new."local_industry") OR new."chain_sort_key" IS NOT pinyin_sort_key(new."chain") OR new."construction_kind_sort_key" IS NOT pinyin_sort_key(new."construction_kind") OR new."info_source_sort_key" IS NOT pinyin_sort_key(new."info_source") OR new."person_in_charge_sort_key" IS NOT pinyin_sort_key(new."person_in_charge") BEGIN '
    'UPDATE "project" SET "name_sort_key" = pinyin_sort_key(new."name"), "local_industry_sort_key" = pinyin_sort_key(new."local_industry"), "chain_sort_key" = pinyin_sort_key(new."chain"), "construction_kind_sort_key" = pinyin_sort_key(new."construction_kind"), "info_source_sort_key" = pinyin_sort_key(new."info_source"), "person_in_charge_sort_key" = pinyin_sort_key(new."person_in_charge") WHERE id = new.id; END',
    'CREATE TRIGGER "project_sort_key_au" AFTER UPDATE OF "name", "local_industry", "chain", "construction_kind", "info_source", "person_in_charge" ON "project" '
    'WHEN new."name_sort_key" IS NOT pinyin_sort_key(new."name") OR new."local_industry_sort_key" IS NOT pinyin_sort_key(new."local_industry") OR new."chain_sort_key" IS NOT pinyin_sort_key(new."chain") OR new."construction_kind_sort_key" IS NOT pinyin_sort_key(new."construction_kind") OR new."info_source_sort_key" IS NOT pinyin_sort_key(new."info_source") OR new."person_in_charge_sort_key" IS NOT pinyin_sort_key(new."person_in_charge") BEGIN '
    'UPDATE "project" SET "name_sort_key" = pinyin_sort_key(new."name"), "local_industry_sort_key" = pinyin_sort_key(new."local_industry"), "chain_sort_key" = pinyin_sort_key(new."chain"), "construction_kind_sort_key" = pinyin_sort_key(new."construction_kind"), "info_source_sort_key" = pinyin_sort_key(new."info_source"), "person_in_charge_sort_key" = pinyin_sort_key(new."person_in_charge") WHERE id = new.id; END',
    'CREATE TRIGGER "investor_sort_key_ai" AFTER INSERT ON "investor" '
    'WHEN new."name_sort_key" IS NOT pinyin_sort_key(new."name") OR new."origin_sort_key" IS NOT pinyin_sort_key(new."origin") BEGIN '
    'UPDATE "investor" SET "name_sort_key" = pinyin_sort_key(new."name"), "origin_sort_key" = pinyin_sort_key(new."origin") WHERE id = new.id; END',
    'CREATE TRIGGER "investor_sort_key_au" AFTER UPDATE OF "name", "origin" ON "investor" '
    'WHEN new."name_sort_key" IS NOT pinyin_sort_key(new."name") OR new."origin_sort_key" IS NOT pinyin_sort_key(new."origin") BEGIN '
    'UPDATE "investor" SET "name_sort_key" = pinyin_sort_key(new."name"), "origin_sort_key" = pinyin_sort_key(new."origin") WHERE id = new.id; END',
    'CREATE TRIGGER "unit_sort_key_ai" AFTER INSERT ON "unit" '
    'WHEN new."name_sort_key" IS NOT pinyin_sort_key(new."name") BEGIN '
    'UPDATE "unit" SET "name_sort_key" = pinyin_sort_key(new."name") WHERE id = new.id; END',
    'CREATE TRIGGER "unit_sort_key_au" AFTER UPDATE OF "name" ON "unit" '
    'WHEN new."name_sort_key" IS NOT pinyin_sort_key(new."name") BEGIN '
    'UPDATE "unit" SET "name_sort_key" = pinyin_sort_key(new."name") WHERE id = new.id; END',
)


def _v5_sort_keys(db: SqliteDatabase) -> None:
    for statement in V5_SCHEMA:
        db.execute_sql(statement)


# Version 6: indexes for the figures and the ledger of a city's whole history.
# ``project_figures`` holds every column the counting rules read, in the order the
# figures group by, so the pipeline is counted from the index alone, in order, with
# no sort (db.reads.figures).  ``stage_event_first`` finds a project's first event of
# a stage (its 签约日期, 开工日期…) from the index alone: the figures' first
# signings, the ledger's date columns, their sort and their filters;
# ``stage_event_dates`` a project's events by date (its 首次对接日期, its stage on a
# day) without reading the events themselves; ``project_updated_at`` the ledger's
# first page in its usual order (the latest changed first) without a pass over every
# project.
V6_SCHEMA: tuple[str, ...] = (
    'CREATE INDEX "project_figures" ON "project" ("deleted", "capital", "unit_id", '
    '"local_industry", "stage", "total_investment", "industry_code", "chain", "uuid");',
    'CREATE INDEX "stage_event_first" ON "stage_event" ("stage", "project_id", "deleted", "date");',
    'CREATE INDEX "stage_event_dates" ON "stage_event" ("project_id", "deleted", "date", "stage");',
    'CREATE INDEX "project_updated_at" ON "project" ("updated_at");',
)


def _v6_indexes(db: SqliteDatabase) -> None:
    for statement in V6_SCHEMA:
        db.execute_sql(statement)


# Version 7: a project's stage events by stage and date, with the project and the
# tombstone in the index too.  The figures' first signings of a period read one
# range of it (the 签约 events of the period) instead of every 签约 event; the
# projects with events after a day read the events after it stage by stage, without
# the events themselves; and the ledger's first page ordered by a stage's first date
# walks one stage's events in date order from the index alone.
V7_SCHEMA: tuple[str, ...] = (
    'CREATE INDEX "stage_event_stage_date" ON "stage_event" '
    '("stage", "date", "project_id", "deleted");',
)


def _v7_stage_dates(db: SqliteDatabase) -> None:
    for statement in V7_SCHEMA:
        db.execute_sql(statement)


# Version 8: a project's first signing date kept on the project, and the counting
# rules' index led by the stage.  ``first_signed`` is the date of the project's
# earliest live 签约 event (NULL without one), derived like the sort keys: the file's
# own triggers keep it on every insert, update and removal of a 签约 event, and
# correct any project row written with another value (a unit's file, an undo), so
# that no writer has to know of it.  The figures' 新签约 of a period is then one range
# of ``project_signings``, which holds every column the counting rules read, instead
# of a look-up of every 签约 event of the period and of its project.
# ``project_pipeline`` replaces ``project_figures`` with the stage before the unit:
# the pipeline's passes read the three pipeline stages' ranges only, still in the
# order they group by.
_FIRST_SIGNED = (
    '(SELECT min(e."date") FROM "stage_event" e WHERE e."project_id" = {project} '
    'AND e."stage" = \'signed\' AND e."deleted" = 0)'
)


def first_signed_sql(project: str) -> str:
    """The SQL of the first signing date of the project whose id is ``project`` (the
    import sets it so in bulk, db.io.ledger.bulk)."""
    return _FIRST_SIGNED.format(project=project)


def _keep_first_signed(project: str) -> str:
    """The trigger body's UPDATE that sets the project's ``first_signed`` when wrong."""
    first = first_signed_sql(project)
    return (
        f'UPDATE "project" SET "first_signed" = {first} '
        f'WHERE "id" = {project} AND "first_signed" IS NOT {first};'
    )


_NEW_PROJECT = 'new."id"'
_NEW_EVENT, _OLD_EVENT = 'new."project_id"', 'old."project_id"'
V8_SCHEMA: tuple[str, ...] = (
    'ALTER TABLE "project" ADD COLUMN "first_signed" DATE;',
    'UPDATE "project" SET "first_signed" = ' + first_signed_sql('"project"."id"') + ";",
    'CREATE TRIGGER "project_first_signed_ai" AFTER INSERT ON "project" '
    f'WHEN new."first_signed" IS NOT {first_signed_sql(_NEW_PROJECT)} '
    f"BEGIN {_keep_first_signed(_NEW_PROJECT)} END",
    'CREATE TRIGGER "project_first_signed_au" AFTER UPDATE OF "first_signed" ON "project" '
    f'WHEN new."first_signed" IS NOT {first_signed_sql(_NEW_PROJECT)} '
    f"BEGIN {_keep_first_signed(_NEW_PROJECT)} END",
    'CREATE TRIGGER "stage_event_first_signed_ai" AFTER INSERT ON "stage_event" '
    f"""WHEN new."stage" = 'signed' BEGIN {_keep_first_signed(_NEW_EVENT)} END""",
    'CREATE TRIGGER "stage_event_first_signed_au" AFTER UPDATE OF "stage", "date", '
    '"deleted", "project_id" ON "stage_event" '
    f"""WHEN old."stage" = 'signed' OR new."stage" = 'signed' """
    f"BEGIN {_keep_first_signed(_OLD_EVENT)} {_keep_first_signed(_NEW_EVENT)} END",
    'CREATE TRIGGER "stage_event_first_signed_ad" AFTER DELETE ON "stage_event" '
    f"""WHEN old."stage" = 'signed' BEGIN {_keep_first_signed(_OLD_EVENT)} END""",
    'DROP INDEX "project_figures";',
    'CREATE INDEX "project_pipeline" ON "project" ("deleted", "capital", "stage", "unit_id", '
    '"local_industry", "total_investment", "industry_code", "chain", "uuid");',
    'CREATE INDEX "project_signings" ON "project" ("deleted", "first_signed", "capital", '
    '"total_investment", "industry_code", "chain", "unit_id", "local_industry");',
)


def _v8_first_signed(db: SqliteDatabase) -> None:
    for statement in V8_SCHEMA:
        db.execute_sql(statement)


MIGRATIONS: tuple[Step, ...] = (
    _v1_create_records,
    _v2_search_index,
    _v3_handover,
    _v4_qualifiers,
    _v5_sort_keys,
    _v6_indexes,
    _v7_stage_dates,
    _v8_first_signed,
)

LATEST_VERSION = len(MIGRATIONS)


def install_functions(db: SqliteDatabase) -> None:
    """The SQL functions the schema's triggers call, on every connection of ``db``."""
    db.register_function(sort_key, SQL_FUNCTION, 1, deterministic=True)


def migrate(db: SqliteDatabase, from_version: int, to_version: int = LATEST_VERSION) -> None:
    """Run the steps after ``from_version`` up to ``to_version``, one transaction each.

    Every connection that writes a file migrates it first (db.store.unit_file), so
    this is also where the functions its triggers call are installed."""
    install_functions(db)
    for version in range(from_version + 1, to_version + 1):
        with db.atomic():
            MIGRATIONS[version - 1](db)
            db.execute_sql(f"PRAGMA user_version = {int(version)}")
