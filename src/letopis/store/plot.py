"""A timeline chart: events per period stacked by quad class, the Goldstein mean as a line."""

from __future__ import annotations

from pathlib import Path

QUADS = [("verbal_cooperation", "verbal cooperation", "#7fb3d5"), ("material_cooperation", "material cooperation", "#1f618d"),
         ("verbal_conflict", "verbal conflict", "#f5b041"), ("material_conflict", "material conflict", "#c0392b")]


def draw_timeline(rows, title: str, path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")  # files only: no screen needed
    import matplotlib.pyplot as plt

    periods = [r["period"] for r in rows.rows]
    fig, bars = plt.subplots(figsize=(max(6.5, 0.6 * len(periods) + 3), 4.8), dpi=120)
    bottom = [0] * len(periods)
    for key, label, colour in QUADS:
        values = [r[key] for r in rows.rows]
        bars.bar(periods, values, bottom=bottom, label=label, color=colour, width=0.7)
        bottom = [b + v for b, v in zip(bottom, values)]
    from matplotlib.ticker import MaxNLocator

    bars.yaxis.set_major_locator(MaxNLocator(integer=True))
    bars.set_ylabel("events")
    bars.set_title(title, loc="left")
    bars.tick_params(axis="x", rotation=45)
    line = bars.twinx()
    line.plot(periods, [r["goldstein_mean"] for r in rows.rows], color="black", marker="o", linewidth=1.5, label="Goldstein mean")
    line.axhline(0, color="grey", linewidth=0.6, linestyle=":")
    line.set_ylim(-10.5, 10.5)
    line.set_ylabel("Goldstein mean (−10 … +10)")
    handles = bars.get_legend_handles_labels()[0] + line.get_legend_handles_labels()[0]
    labels = bars.get_legend_handles_labels()[1] + line.get_legend_handles_labels()[1]
    bars.legend(handles, labels, loc="upper center", bbox_to_anchor=(0.5, -0.28), ncol=3, fontsize=8, frameon=False)
    if not periods:
        bars.text(0.5, 0.5, "no dated events", transform=bars.transAxes, ha="center")
    fig.tight_layout()
    fig.savefig(path)
    plt.close(fig)
