"""Ingest requests as background jobs: POST answers 202 with a job id at once, the articles are
stored and analysed one job at a time (SQLite has one writer), and the job's page tells how each
article fared.

Jobs live in the store (table `jobs`), so any server process answers for any job; the process
that took the request runs it. The last KEEP_JOBS finished jobs are kept.
"""
from __future__ import annotations

import logging
import time
from concurrent.futures import ThreadPoolExecutor

from liaison.errors import InputError
from liaison.records import RawDocument
from liaison.settings import Settings
from liaison.store import jobs as stored_jobs

log = logging.getLogger("liaison.api")
KEEP_JOBS = 200             # finished jobs remembered; the oldest are forgotten first


class Jobs:
    """Runs this process's jobs one at a time; reads any job from the store (store/jobs.py), so a
    job posted to one server process can be followed on another."""

    def __init__(self, store, settings: Settings):
        self.store, self.settings = store, settings
        self.pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="liaison-ingest")

    def submit(self, job_id: str, articles: list[RawDocument | InputError]) -> dict:
        job = stored_jobs.add(self.store, job_id, len(articles), KEEP_JOBS)
        self.pool.submit(self._run, job_id, articles)
        return to_json(job)

    def get(self, job_id: str) -> dict | None:
        job = stored_jobs.get(self.store, job_id)
        return to_json(job) if job else None

    def _run(self, job_id: str, articles: list[RawDocument | InputError]) -> None:
        from liaison.scale import process
        try:
            stored_jobs.set_status(self.store, job_id, "running")
            before = article_states(self.store, articles)
            last_issue = max((i["id"] for i in self.store.list_issues()), default=0)
            summary = process(articles, self.store, settings=self.settings)
            stored_jobs.set_status(self.store, job_id, "done", summary={
                "new": sum(summary.new.values()), "near_duplicate": sum(summary.duplicate.values()),
                "unchanged": summary.unchanged, "failed": summary.failed, "analysed": summary.analysed},
                results=article_results(self.store, articles, before, last_issue))
        except Exception as exc:        # reported on the job's page; the server goes on
            log.exception("ingest job %s failed", job_id)
            stored_jobs.set_status(self.store, job_id, "failed", error=f"{type(exc).__name__}: {exc}")


def to_json(job: dict) -> dict:
    return {"id": job["id"], "status": job["status"], "articles": job["articles"],
            "created": _iso(job["created"]), "finished": _iso(job["finished"]),
            "summary": job["summary"], "results": job["results"] or [], "error": job["error"],
            "url": f"/api/jobs/{job['id']}"}


def article_states(store, articles: list[RawDocument | InputError]) -> list[tuple[str | None, bool]]:
    """(document id, already stored?) for each article; no id when it cannot even be cleaned."""
    from liaison.ingest.clean import clean
    out = []
    for raw in articles:
        if isinstance(raw, InputError):
            out.append((None, False))
            continue
        try:
            doc_id = clean(raw).id
        except Exception:       # the ingest itself will report why, as an issue naming the article
            out.append((None, False))
            continue
        out.append((doc_id, store.document_state(doc_id)[0]))
    return out


def article_results(store, articles: list[RawDocument | InputError], before: list[tuple[str | None, bool]],
                    last_issue: int) -> list[dict]:
    from liaison.store import queries as Q
    issues: dict[str, str] = {}
    for issue in store.list_issues():
        if issue["id"] > last_issue:
            issues.setdefault(issue["source"], issue["message"])
    out = []
    for n, (raw, (doc_id, was_stored)) in enumerate(zip(articles, before, strict=True), 1):
        # an issue beside a stored article is a warning about it; without the article, its reason
        row = {"n": n, "source": raw.source, "doc_id": None, "status": "failed",
               "reason": issues.get(raw.source)}
        doc = Q.get_document(store, doc_id) if doc_id else None
        if doc is None:
            row["reason"] = row["reason"] or "not stored"
        else:
            status = "unchanged" if was_stored else "near_duplicate" if doc["duplicate_of"] else "new"
            row.update(doc_id=doc_id, status=status, duplicate_of=doc["duplicate_of"],
                       analysed=doc["analysed_version"] is not None)
        out.append(row)
    return out


def _iso(stamp: float | None) -> str | None:
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(stamp)) if stamp else None
