"""Ingest requests as background jobs: POST answers 202 with a job id at once, the articles are
stored and analysed one job at a time (SQLite has one writer), and the job's page tells how each
article fared.

Jobs live in the server's memory: a restart forgets them (the articles they stored stay stored).
"""
from __future__ import annotations

import logging
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

from liaison.errors import InputError
from liaison.records import RawDocument
from liaison.settings import Settings

log = logging.getLogger("liaison.api")
KEEP_JOBS = 200             # finished jobs remembered; the oldest are forgotten first


@dataclass
class Job:
    id: str
    articles: list[RawDocument | InputError]       # a record refused on arrival stays in line
    status: str = "queued"              # queued | running | done | failed
    created: float = field(default_factory=time.time)
    finished: float | None = None
    summary: dict | None = None
    results: list[dict] = field(default_factory=list)
    error: str | None = None

    def __post_init__(self):
        self.count = len(self.articles)

    def to_json(self) -> dict:
        return {"id": self.id, "status": self.status, "articles": self.count,
                "created": _iso(self.created), "finished": _iso(self.finished),
                "summary": self.summary, "results": self.results, "error": self.error,
                "url": f"/api/jobs/{self.id}"}


class Jobs:
    def __init__(self, store, settings: Settings):
        self.store, self.settings = store, settings
        self.pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="liaison-ingest")
        self.jobs: dict[str, Job] = {}
        self.lock = threading.Lock()

    def submit(self, job_id: str, articles: list[RawDocument | InputError]) -> Job:
        job = Job(job_id, articles)
        with self.lock:
            self.jobs[job.id] = job
            self._forget_old()
        self.pool.submit(self._run, job)
        return job

    def get(self, job_id: str) -> Job | None:
        return self.jobs.get(job_id)

    def _forget_old(self) -> None:
        finished = [j for j in self.jobs.values() if j.finished]
        for job in sorted(finished, key=lambda j: j.finished)[:max(0, len(self.jobs) - KEEP_JOBS)]:
            del self.jobs[job.id]

    def _run(self, job: Job) -> None:
        from liaison.scale import process
        job.status = "running"
        try:
            before = article_states(self.store, job.articles)
            last_issue = max((i["id"] for i in self.store.list_issues()), default=0)
            summary = process(job.articles, self.store, settings=self.settings)
            job.summary = {"new": sum(summary.new.values()),
                           "near_duplicate": sum(summary.duplicate.values()), "unchanged": summary.unchanged,
                           "failed": summary.failed, "analysed": summary.analysed}
            job.results = article_results(self.store, job.articles, before, last_issue)
            job.status = "done"
        except Exception as exc:        # reported on the job's page; the server goes on
            log.exception("ingest job %s failed", job.id)
            job.status, job.error = "failed", f"{type(exc).__name__}: {exc}"
        finally:
            job.finished = time.time()
            job.articles = []           # the texts are in the store now; keep the job small


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
