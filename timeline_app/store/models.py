"""The tables, as SQLAlchemy 2 typed models."""

from __future__ import annotations

from sqlalchemy import (
    Boolean,
    Column,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Table,
    Text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


class Base(DeclarativeBase):
    pass


event_themes = Table(
    "event_themes",
    Base.metadata,
    Column("event_id", ForeignKey("events.id", ondelete="CASCADE"), primary_key=True),
    Column("theme_id", ForeignKey("themes.id", ondelete="CASCADE"), primary_key=True),
    Index("ix_event_themes_theme", "theme_id", "event_id"),
)


class Setting(Base):
    """Facts about the timeline as a whole, such as its title."""

    __tablename__ = "settings"
    key: Mapped[str] = mapped_column(String, primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class ThemeRow(Base):
    __tablename__ = "themes"
    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(String, unique=True)
    name: Mapped[str] = mapped_column(String)
    colour: Mapped[str] = mapped_column(String)
    position: Mapped[int] = mapped_column(Integer, default=0)


class SourceRow(Base):
    __tablename__ = "sources"
    id: Mapped[str] = mapped_column(String, primary_key=True)
    title: Mapped[str] = mapped_column(Text)
    publisher: Mapped[str | None] = mapped_column(Text)
    author: Mapped[str | None] = mapped_column(Text)
    published: Mapped[str | None] = mapped_column(String)
    published_approximate: Mapped[bool] = mapped_column(Boolean, default=False)
    url: Mapped[str | None] = mapped_column(Text)
    archive: Mapped[str] = mapped_column(Text)
    note: Mapped[str | None] = mapped_column(Text)
    citations: Mapped[list[CitationRow]] = relationship(back_populates="source")


class EventRow(Base):
    """An event. start_day/end_day are proleptic ordinals of its first and last possible day."""

    __tablename__ = "events"
    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String, unique=True)
    start: Mapped[str] = mapped_column(String)
    end: Mapped[str | None] = mapped_column(String)
    approximate: Mapped[bool] = mapped_column(Boolean, default=False)
    start_day: Mapped[int] = mapped_column(Integer)
    end_day: Mapped[int] = mapped_column(Integer)
    sort_key: Mapped[str] = mapped_column(String)
    # The first of its themes, kept on the row so the canvas can count events per theme and
    # stretch of time from one index instead of a join.
    primary_theme_id: Mapped[int | None] = mapped_column(ForeignKey("themes.id"))
    title: Mapped[str] = mapped_column(Text)
    summary: Mapped[str] = mapped_column(Text)
    # 2 milestone, 1 major, 0 normal; None where the timeline does not say (then derived).
    importance: Mapped[int | None] = mapped_column(Integer, nullable=True)
    # Where the date comes from: "documents" or "general knowledge".
    date_basis: Mapped[str] = mapped_column(String, default="documents")
    themes: Mapped[list[ThemeRow]] = relationship(
        secondary=event_themes, order_by=ThemeRow.position
    )
    citations: Mapped[list[CitationRow]] = relationship(
        back_populates="event", order_by="CitationRow.position", cascade="all, delete-orphan"
    )

    __table_args__ = (
        Index("ix_events_start_day", "start_day"),
        Index("ix_events_end_day", "end_day"),
        Index(
            "ix_events_timeline",
            "sort_key",
            "id",
            "start_day",
            "end_day",
            "primary_theme_id",
            "importance",
        ),  # fmt: skip
    )


class CitationRow(Base):
    __tablename__ = "citations"
    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"), index=True)
    source_id: Mapped[str] = mapped_column(ForeignKey("sources.id"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    quote: Mapped[str] = mapped_column(Text)
    # The sha256 of the archived document the quote was last found in (see SourceText).
    verified_in: Mapped[str | None] = mapped_column(String, nullable=True)
    event: Mapped[EventRow] = relationship(back_populates="citations")
    source: Mapped[SourceRow] = relationship(back_populates="citations")


class SourceText(Base):
    """The archived text of a source: the document as the user saved it, with its sha256."""

    __tablename__ = "source_texts"
    source_id: Mapped[str] = mapped_column(
        ForeignKey("sources.id", ondelete="CASCADE"), primary_key=True
    )
    text: Mapped[str] = mapped_column(Text)
    sha256: Mapped[str] = mapped_column(String)


class SourceRelation(Base):
    """One source depending on another: it paraphrases it, or shares stock sentences with it."""

    __tablename__ = "source_relations"
    source_id: Mapped[str] = mapped_column(
        ForeignKey("sources.id", ondelete="CASCADE"), primary_key=True
    )
    depends_on_id: Mapped[str] = mapped_column(
        ForeignKey("sources.id", ondelete="CASCADE"), primary_key=True
    )
    kind: Mapped[str] = mapped_column(String)
    note: Mapped[str | None] = mapped_column(Text)


class IndexCache(Base):
    """The saved in-memory index (see store/timeline_index.py); triggers clear it on change."""

    __tablename__ = "index_cache"
    name: Mapped[str] = mapped_column(String, primary_key=True)
    data: Mapped[bytes] = mapped_column(LargeBinary)
