"""The report's template (templates/report.html.j2) as jinja2 compiles
it, kept here so that Python caches its bytecode: compiling the template took 29 ms of every
``export -f html``.

Do not edit: ``make generated`` writes this file, and the tests check that it is current.
:mod:`csto_program.export.html` uses it only while ``TEMPLATE`` is exactly the template's
text and ``JINJA`` the version of jinja2 installed; otherwise it compiles the template.
"""

# mypy: ignore-errors
# ruff: noqa
# fmt: off

JINJA = '3.1.6'
TEMPLATE = '{#- The HTML report. Autoescaped: every value is text unless marked safe in html.py. -#}\n{% macro sources(items) %}\n{% if items %}\n<ul class="sources">\n{% for source in items %}\n{% set href = source.url | http_url %}\n{#- The link is the title when there is one, else the outlet: never an empty link. -#}\n<li><span class="outlet">{% if href and not source.title %}<a href="{{ href }}" rel="noreferrer">{{ source.outlet }}</a>{% else %}{{ source.outlet }}{% endif %}</span>\n{%- if source.title %}: {% if href %}<a href="{{ href }}" rel="noreferrer"><cite>{{ source.title }}</cite></a>{% else %}<cite>{{ source.title }}</cite>{% endif %}{% endif %}\n{%- if source.url and not href %} <code class="url">{{ source.url }}</code>{% endif %}\n{%- if source.published %}, <span class="published">{{ source.published }}</span>{% endif %}</li>\n{% endfor %}\n</ul>\n{% endif %}\n{% endmacro %}\n{% macro window(first, last) %}<span class="nowrap">{{ first }} –</span> <span class="nowrap">{{ last }}</span>{% endmacro %}\n{% macro when(edtf) %}\n{% set attr = edtf | date_attr %}\n{% if attr %}<time datetime="{{ attr }}">{{ edtf | date_text }}</time>{% else %}<span>{{ edtf | date_text }}</span>{% endif %}\n{% endmacro %}\n<!DOCTYPE html>\n<html lang="{{ report.lang }}">\n<head>\n<meta charset="utf-8">\n<meta http-equiv="Content-Security-Policy" content="{{ csp }}">\n<meta name="viewport" content="width=device-width, initial-scale=1">\n<meta name="color-scheme" content="light dark">\n<meta name="referrer" content="no-referrer">\n<meta name="generator" content="{{ report.generator }}">\n<title>{{ report.title }}</title>\n<link rel="icon" href="data:,">\n<style>\n:root {\n  color-scheme: light dark;\n  --bg: #ffffff; --fg: #1f2328; --muted: #59636e; --line: #d1d9e0; --soft: #f6f8fa;\n  --link: #0550ae; --chart: #ffffff;\n  --upcoming: #59636e; --active: #0550ae; --overdue: #b42318; --completed: #1a7f37;\n  --completed_late: #9a6700; --cancelled: #6e7781; --conflict: #b42318; --resolution: #0550ae;\n}\n@media (prefers-color-scheme: dark) {\n  :root {\n    --bg: #0d1117; --fg: #e6edf3; --muted: #9198a1; --line: #3d444d; --soft: #151b23;\n    --link: #79b8ff; --chart: #f6f8fa;\n    --upcoming: #9198a1; --active: #79b8ff; --overdue: #ff8182; --completed: #56d364;\n    --completed_late: #e3b341; --cancelled: #9198a1; --conflict: #ff8182; --resolution: #79b8ff;\n  }\n}\n*, *::before, *::after { box-sizing: border-box; }\n[hidden] { display: none !important; }\nhtml { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }\nbody {\n  margin: 0; background: var(--bg); color: var(--fg);\n  font: 1rem/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "DejaVu Sans", sans-serif;\n  overflow-wrap: break-word;\n}\nmain, footer { max-width: 72rem; margin: 0 auto; padding: 1rem; }\nh1 { font-size: 1.6rem; line-height: 1.25; margin: .5rem 0; }\nh2 { font-size: 1.25rem; margin: 2rem 0 .75rem; padding-bottom: .25rem; border-bottom: 1px solid var(--line); }\nh3 { font-size: 1rem; margin: 0; }\na { color: var(--link); }\n.summary, .event, .note { overflow-wrap: anywhere; }\n.asof { color: var(--muted); margin: 0 0 .75rem; }\n.summary { font-size: 1.075rem; max-width: 48rem; }\n.warning { max-width: 48rem; padding: .5rem .75rem; border-left: 4px solid var(--overdue); background: var(--soft); overflow-wrap: anywhere; }\nnav ul { display: flex; flex-wrap: wrap; gap: .25rem 1rem; list-style: none; padding: 0; margin: .75rem 0 0; }\n.badge {\n  display: inline-block; padding: 0 .5em; border: 1px solid currentColor; border-radius: 1em;\n  font-size: .85em; white-space: normal; max-width: 100%; overflow-wrap: anywhere;\n}\n{% for state in ("upcoming", "active", "overdue", "completed", "completed_late", "cancelled") %}\n.state-{{ state }} { color: var(--{{ state }}); }\n{% endfor %}\n.muted, .published, .days { color: var(--muted); }\n.published { white-space: nowrap; }\n.nowrap { white-space: nowrap; }\ntable { border-collapse: collapse; width: 100%; font-variant-numeric: tabular-nums; }\ncaption { text-align: left; color: var(--muted); padding: 0 0 .5rem; }\nth, td { text-align: left; vertical-align: top; padding: .45rem .6rem; border-bottom: 1px solid var(--line); }\nthead th { background: var(--soft); font-size: .9rem; border-bottom-width: 2px; }\ntbody th { font-weight: 600; }\ntd.sources-cell { min-width: 12rem; }\n.table-scroll { overflow-x: auto; }\ntd .shift { display: block; color: var(--muted); font-size: .85rem; }\n.sources { margin: .35rem 0 0; padding-left: 1.1rem; font-size: .9rem; }\n.sources li { margin: .1rem 0; }\n.url { font-size: .85em; }\n.filter {\n  display: flex; flex-wrap: wrap; align-items: end; gap: .75rem 1rem;\n  padding: .75rem 1rem; margin: 0 0 1rem; background: var(--soft); border: 1px solid var(--line); border-radius: .5rem;\n}\n.field { display: flex; flex-direction: column; gap: .2rem; min-width: 0; flex: 1 1 12rem; }\n.field label { font-weight: 600; font-size: .9rem; }\ninput, select, button { font: inherit; height: 2.4rem; padding: .25rem .5rem; border: 1px solid var(--line); border-radius: .35rem; background: var(--bg); color: var(--fg); max-width: 100%; }\nbutton { cursor: pointer; }\n.count { flex-basis: 100%; margin: 0; font-weight: 600; }\n.events { list-style: none; margin: 0; padding: 0 0 0 1rem; border-left: 2px solid var(--line); }\n.event { position: relative; margin: 0 0 1.25rem; padding-left: .5rem; }\n.event::before {\n  content: ""; position: absolute; left: calc(-1.5rem - 1px); top: .35rem; width: .75rem; height: .75rem;\n  border-radius: 50%; background: var(--bg); border: 2px solid var(--muted);\n}\n.event h3 time, .event h3 > span:first-child { display: block; font-weight: 400; font-size: .9rem; color: var(--muted); }\n.tags { margin: .2rem 0; display: flex; flex-wrap: wrap; gap: .3rem; font-size: .85rem; }\n.tags .badge { color: var(--muted); }\n.event p { margin: .3rem 0; }\n.notes { list-style: none; padding: 0; margin: 0; }\n.note { border-left: 4px solid var(--line); padding: .5rem .75rem; margin: 0 0 .75rem; background: var(--soft); border-radius: 0 .35rem .35rem 0; }\n.note-conflict { border-left-color: var(--conflict); }\n.note-date_resolution { border-left-color: var(--resolution); }\n.note p { margin: 0; }\n.chart { margin: 0; }\n.chart-scroll { overflow-x: auto; }\n.narrow-only { display: none; }\n.chart svg { display: block; width: 100%; height: auto; max-width: 100%; background: var(--chart); border-radius: .35rem; }\n.chart figcaption { color: var(--muted); font-size: .9rem; margin-top: .4rem; }\nfooter { color: var(--muted); font-size: .9rem; border-top: 1px solid var(--line); }\n@media screen and (max-width: 44rem) {\n  main, footer { padding: .75rem; }\n  h1 { font-size: 1.35rem; }\n  .reflow, .reflow tbody, .reflow tr, .reflow th, .reflow td { display: block; width: 100%; }\n  .reflow caption { display: block; }\n  td.sources-cell { min-width: 0; }\n  .chart > .chart-scroll > svg { min-width: 40rem; }\n  .narrow-only { display: inline; }\n  .reflow thead { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); }\n  .reflow tr { border: 1px solid var(--line); border-radius: .5rem; margin: 0 0 .75rem; padding: .35rem .75rem; }\n  .reflow tbody th, .reflow td { position: relative; border: 0; padding: .2rem 0 .2rem 7.5rem; min-height: 1.9rem; }\n  .reflow tbody th::before, .reflow td::before {\n    content: attr(data-label); position: absolute; left: 0; width: 7rem; font-weight: 600; color: var(--muted); font-size: .9rem;\n  }\n}\n@media print {\n  :root {\n    --bg: #fff; --fg: #000; --muted: #444; --line: #999; --soft: #fff; --link: #000; --chart: #fff;\n    --upcoming: #444; --active: #000; --overdue: #000; --completed: #000; --completed_late: #000;\n    --cancelled: #444; --conflict: #000; --resolution: #444;\n  }\n  body { font-size: 10.5pt; }\n  main, footer { max-width: none; padding: 0; }\n  nav, .filter { display: none !important; }\n  .event[hidden] { display: block !important; }\n  .event::before { display: none; }\n  .table-scroll { overflow: visible; }\n  td.sources-cell { min-width: 0; overflow-wrap: anywhere; }\n  a[href^="http"]::after { content: " <" attr(href) ">"; font-size: .85em; overflow-wrap: anywhere; }\n  h2, h3 { break-after: avoid; }\n  tr, .event, .note, .chart { break-inside: avoid; }\n}\n</style>\n</head>\n<body>\n<main>\n<h1>{{ report.title }}</h1>\n<p class="asof">{{ _("Status as of {as_of}, as known on {known_on}.").format(as_of=report.as_of, known_on=report.known_on) }}</p>\n<p class="summary">{{ report.summary }}</p>\n{% if report.warning %}<p class="warning" role="note"><strong>{{ report.warning }}</strong></p>{% endif %}\n<nav aria-label="{{ _(\'Contents\') }}">\n<ul>\n<li><a href="#stages">{{ _("Stages") }}</a></li>\n{% if chart %}<li><a href="#chart">{{ _("Chart") }}</a></li>{% endif %}\n<li><a href="#plans">{{ _("Plan history") }}</a></li>\n<li><a href="#timeline">{{ _("Timeline") }}</a></li>\n<li><a href="#notes">{{ _("Notes") }}</a></li>\n</ul>\n</nav>\n\n<section aria-labelledby="stages">\n<h2 id="stages">{{ _("Stages") }}</h2>\n{% if report.stages %}\n<div class="table-scroll">\n<table class="reflow">\n<caption>{{ _("Each stage’s window, its state as of {as_of} and the progress reported; the shift is how far its last day has moved against the first plan.").format(as_of=report.as_of) }}</caption>\n<thead>\n<tr><th scope="col">{{ _("Stage") }}</th><th scope="col">{{ _("Name") }}</th><th scope="col">{{ _("Window") }}</th><th scope="col">{{ _("State") }}</th><th scope="col">{{ _("Progress") }}</th><th scope="col">{{ _("Days") }}</th><th scope="col">{{ _("Shift vs first plan") }}</th></tr>\n</thead>\n<tbody>\n{% for stage in report.stages %}\n<tr>\n<th scope="row" data-label="{{ _("Stage") }}">{{ stage.number }}</th>\n<td data-label="{{ _("Name") }}">{{ stage.name }}</td>\n<td data-label="{{ _("Window") }}">{{ window(stage.starts, stage.last_day) }}</td>\n<td data-label="{{ _("State") }}"><span class="badge state-{{ stage.state }}">{{ stage.state_text }}</span></td>\n<td data-label="{{ _("Progress") }}">{{ stage.progress_text or progress_words(stage.progress) }}</td>\n<td data-label="{{ _("Days") }}" class="days">{{ stage.days_text }}</td>\n<td data-label="{{ _("Shift") }}">{{ stage.shift_days | shift(stage.shift_inferred) }}</td>\n</tr>\n{% endfor %}\n</tbody>\n</table>\n</div>\n{% else %}\n<p>{{ _("No stage is recorded.") }}</p>\n{% endif %}\n</section>\n\n{% if chart %}\n<section aria-labelledby="chart">\n<h2 id="chart">{{ _("Chart") }}</h2>\n<figure class="chart">\n<div class="chart-scroll" tabindex="0" role="region" aria-label="{{ _(\'Chart\') }}">\n{{ chart }}\n</div>\n<figcaption>{{ _("The stages and events on a time axis, as of {as_of}.").format(as_of=report.as_of) }}<span class="narrow-only"> {{ _("Scroll sideways to see all of it.") }}</span></figcaption>\n</figure>\n</section>\n{% endif %}\n\n<section aria-labelledby="plans">\n<h2 id="plans">{{ _("Plan history") }}</h2>\n{% if plan_rows %}\n<div class="table-scroll">\n<table class="reflow">\n<caption>{{ _("Each version of the plan in the order announced, with each stage’s window and its last day’s shift against the first plan.") }}</caption>\n<thead>\n<tr><th scope="col">{{ _("Plan") }}</th><th scope="col">{{ _("Announced") }}</th><th scope="col">{{ _("Basis") }}</th>{% for number in plan_stages %}<th scope="col">{{ _("Stage {number}").format(number=number) }}</th>{% endfor %}<th scope="col">{{ _("Sources") }}</th></tr>\n</thead>\n<tbody>\n{% for plan, cells in plan_rows %}\n<tr>\n<th scope="row" data-label="{{ _("Plan") }}">{{ plan.id }}{% if plan.inferred %} <span class="badge">{{ _("inferred") }}</span>{% endif %}</th>\n<td data-label="{{ _("Announced") }}" class="nowrap">{{ plan.announced }}</td>\n<td data-label="{{ _("Basis") }}">{{ plan.basis }}</td>\n{% for cell in cells %}\n<td data-label="{{ _(\'Stage {number}\').format(number=plan_stages[loop.index0]) }}">{% if cell %}{{ window(cell[0], cell[1]) }}{% if cell[2] is not none %}<span class="shift">{{ cell[2] | shift(plan.shift_inferred) }}</span>{% endif %}{% else %}<span class="muted">—</span>{% endif %}</td>\n{% endfor %}\n<td data-label="{{ _("Sources") }}" class="sources-cell">{{ sources(plan.sources) }}</td>\n</tr>\n{% endfor %}\n</tbody>\n</table>\n</div>\n{% else %}\n<p>{{ _("No plan is recorded.") }}</p>\n{% endif %}\n</section>\n\n<section aria-labelledby="timeline">\n<h2 id="timeline">{{ _("Timeline") }}</h2>\n{% if report.events %}\n<form id="filter" class="filter" role="search" aria-label="{{ _(\'Filter the timeline\') }}" hidden>\n<div class="field"><label for="filter-text">{{ _("Words") }}</label><input id="filter-text" name="text" type="search" autocomplete="off"></div>\n<div class="field"><label for="filter-kind">{{ _("Kind") }}</label><select id="filter-kind" name="kind">\n<option value="">{{ _("All kinds") }}</option>\n{% for kind, label, n in kinds %}<option value="{{ kind }}">{{ _(label) }} ({{ n }})</option>\n{% endfor %}\n</select></div>\n<div class="field"><label for="filter-stage">{{ _("Stage") }}</label><select id="filter-stage" name="stage">\n<option value="">{{ _("All stages") }}</option>\n{% for number, name in stage_options %}<option value="{{ number }}">{{ stage_title(number, name or "") }}</option>\n{% endfor %}\n</select></div>\n<button id="filter-reset" type="button">{{ _("Show all") }}</button>\n{% set shown_format = _("{shown} of {total} events shown") %}\n<p id="filter-count" class="count" role="status" aria-live="polite" data-format="{{ shown_format }}">{{ shown_format.format(shown=report.events | length, total=report.events | length) }}</p>\n</form>\n<ol id="events" class="events">\n{% for event in report.events %}\n<li class="event" data-kind="{{ event.kind }}" data-stages="{{ event.stages | join(\' \') }}">\n<h3>{{ when(event.date) }} {{ event.title }}</h3>\n<p class="tags"><span class="badge">{{ _(event_kinds[event.kind]) }}</span>\n{% for number in event.stages %}<span class="badge">{{ _("Stage {number}").format(number=number) }}</span>\n{% else %}<span class="badge">{{ _("Whole program") }}</span>\n{% endfor %}</p>\n{% if event.text %}<p>{{ event.text }}</p>{% endif %}\n{{ sources(event.sources) }}\n</li>\n{% endfor %}\n</ol>\n{% else %}\n<p>{{ _("No event is recorded.") }}</p>\n{% endif %}\n</section>\n\n<section aria-labelledby="notes">\n<h2 id="notes">{{ _("Notes") }}</h2>\n{% if report.notes %}\n<ul class="notes">\n{% for note in report.notes %}\n<li class="note note-{{ note.kind }}">\n<p><strong>{{ _(note_kinds[note.kind]) }}.</strong> {{ note.text }}</p>\n{{ sources(note.sources) }}\n</li>\n{% endfor %}\n</ul>\n{% else %}\n<p>{{ _("No note.") }}</p>\n{% endif %}\n</section>\n</main>\n<footer>\n<p>{{ _("Generated by {generator}.").format(generator=report.generator) }} {{ _("Status as of {as_of}, as known on {known_on}.").format(as_of=report.as_of, known_on=report.known_on) }}</p>\n</footer>\n<script>{{ script }}</script>\n</body>\n</html>\n'

from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'report.html.j2'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_report = resolve('report')
    l_0_csp = resolve('csp')
    l_0__ = resolve('_')
    l_0_chart = resolve('chart')
    l_0_plan_rows = resolve('plan_rows')
    l_0_plan_stages = resolve('plan_stages')
    l_0_kinds = resolve('kinds')
    l_0_stage_options = resolve('stage_options')
    l_0_shown_format = resolve('shown_format')
    l_0_script = resolve('script')
    l_0_sources = l_0_window = l_0_when = missing
    try:
        t_1 = environment.filters['date_attr']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'date_attr' found.")
    try:
        t_2 = environment.filters['date_text']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No filter named 'date_text' found.")
    try:
        t_3 = environment.filters['http_url']
    except KeyError:
        @internalcode
        def t_3(*unused):
            raise TemplateRuntimeError("No filter named 'http_url' found.")
    try:
        t_4 = environment.filters['join']
    except KeyError:
        @internalcode
        def t_4(*unused):
            raise TemplateRuntimeError("No filter named 'join' found.")
    try:
        t_5 = environment.filters['length']
    except KeyError:
        @internalcode
        def t_5(*unused):
            raise TemplateRuntimeError("No filter named 'length' found.")
    try:
        t_6 = environment.filters['shift']
    except KeyError:
        @internalcode
        def t_6(*unused):
            raise TemplateRuntimeError("No filter named 'shift' found.")
    try:
        t_7 = environment.tests['none']
    except KeyError:
        @internalcode
        def t_7(*unused):
            raise TemplateRuntimeError("No test named 'none' found.")
    pass
    def macro(l_1_items):
        t_8 = []
        if l_1_items is missing:
            l_1_items = undefined("parameter 'items' was not provided", name='items')
        pass
        if l_1_items:
            pass
            t_8.append(
                '<ul class="sources">\n',
            )
            for l_2_source in l_1_items:
                l_2_href = missing
                _loop_vars = {}
                pass
                l_2_href = t_3(environment.getattr(l_2_source, 'url'))
                _loop_vars['href'] = l_2_href
                t_8.append(
                    '<li><span class="outlet">',
                )
                if ((undefined(name='href') if l_2_href is missing else l_2_href) and (not environment.getattr(l_2_source, 'title'))):
                    pass
                    t_8.extend((
                        '<a href="',
                        escape(environment.finalize((undefined(name='href') if l_2_href is missing else l_2_href))),
                        '" rel="noreferrer">',
                        escape(environment.finalize(environment.getattr(l_2_source, 'outlet'))),
                        '</a>',
                    ))
                else:
                    pass
                    t_8.append(
                        escape(environment.finalize(environment.getattr(l_2_source, 'outlet'))),
                    )
                t_8.append(
                    '</span>',
                )
                if environment.getattr(l_2_source, 'title'):
                    pass
                    t_8.append(
                        ': ',
                    )
                    if (undefined(name='href') if l_2_href is missing else l_2_href):
                        pass
                        t_8.extend((
                            '<a href="',
                            escape(environment.finalize((undefined(name='href') if l_2_href is missing else l_2_href))),
                            '" rel="noreferrer"><cite>',
                            escape(environment.finalize(environment.getattr(l_2_source, 'title'))),
                            '</cite></a>',
                        ))
                    else:
                        pass
                        t_8.extend((
                            '<cite>',
                            escape(environment.finalize(environment.getattr(l_2_source, 'title'))),
                            '</cite>',
                        ))
                if (environment.getattr(l_2_source, 'url') and (not (undefined(name='href') if l_2_href is missing else l_2_href))):
                    pass
                    t_8.extend((
                        ' <code class="url">',
                        escape(environment.finalize(environment.getattr(l_2_source, 'url'))),
                        '</code>',
                    ))
                if environment.getattr(l_2_source, 'published'):
                    pass
                    t_8.extend((
                        ', <span class="published">',
                        escape(environment.finalize(environment.getattr(l_2_source, 'published'))),
                        '</span>',
                    ))
                t_8.append(
                    '</li>\n',
                )
            l_2_source = l_2_href = missing
            t_8.append(
                '</ul>\n',
            )
        return concat(t_8)
    context.exported_vars.add('sources')
    context.vars['sources'] = l_0_sources = Macro(environment, macro, 'sources', ('items',), False, False, False, context.eval_ctx.autoescape)
    def macro(l_1_first, l_1_last):
        t_9 = []
        if l_1_first is missing:
            l_1_first = undefined("parameter 'first' was not provided", name='first')
        if l_1_last is missing:
            l_1_last = undefined("parameter 'last' was not provided", name='last')
        pass
        t_9.extend((
            '<span class="nowrap">',
            escape(environment.finalize(l_1_first)),
            ' –</span> <span class="nowrap">',
            escape(environment.finalize(l_1_last)),
            '</span>',
        ))
        return concat(t_9)
    context.exported_vars.add('window')
    context.vars['window'] = l_0_window = Macro(environment, macro, 'window', ('first', 'last'), False, False, False, context.eval_ctx.autoescape)
    def macro(l_1_edtf):
        t_10 = []
        l_1_attr = missing
        if l_1_edtf is missing:
            l_1_edtf = undefined("parameter 'edtf' was not provided", name='edtf')
        pass
        l_1_attr = t_1(l_1_edtf)
        if (undefined(name='attr') if l_1_attr is missing else l_1_attr):
            pass
            t_10.extend((
                '<time datetime="',
                escape(environment.finalize((undefined(name='attr') if l_1_attr is missing else l_1_attr))),
                '">',
                escape(environment.finalize(t_2(l_1_edtf))),
                '</time>',
            ))
        else:
            pass
            t_10.extend((
                '<span>',
                escape(environment.finalize(t_2(l_1_edtf))),
                '</span>',
            ))
        return concat(t_10)
    context.exported_vars.add('when')
    context.vars['when'] = l_0_when = Macro(environment, macro, 'when', ('edtf',), False, False, False, context.eval_ctx.autoescape)
    yield '<!DOCTYPE html>\n<html lang="'
    yield escape(environment.finalize(environment.getattr((undefined(name='report') if l_0_report is missing else l_0_report), 'lang')))
    yield '">\n<head>\n<meta charset="utf-8">\n<meta http-equiv="Content-Security-Policy" content="'
    yield escape(environment.finalize((undefined(name='csp') if l_0_csp is missing else l_0_csp)))
    yield '">\n<meta name="viewport" content="width=device-width, initial-scale=1">\n<meta name="color-scheme" content="light dark">\n<meta name="referrer" content="no-referrer">\n<meta name="generator" content="'
    yield escape(environment.finalize(environment.getattr((undefined(name='report') if l_0_report is missing else l_0_report), 'generator')))
    yield '">\n<title>'
    yield escape(environment.finalize(environment.getattr((undefined(name='report') if l_0_report is missing else l_0_report), 'title')))
    yield '</title>\n<link rel="icon" href="data:,">\n<style>\n:root {\n  color-scheme: light dark;\n  --bg: #ffffff; --fg: #1f2328; --muted: #59636e; --line: #d1d9e0; --soft: #f6f8fa;\n  --link: #0550ae; --chart: #ffffff;\n  --upcoming: #59636e; --active: #0550ae; --overdue: #b42318; --completed: #1a7f37;\n  --completed_late: #9a6700; --cancelled: #6e7781; --conflict: #b42318; --resolution: #0550ae;\n}\n@media (prefers-color-scheme: dark) {\n  :root {\n    --bg: #0d1117; --fg: #e6edf3; --muted: #9198a1; --line: #3d444d; --soft: #151b23;\n    --link: #79b8ff; --chart: #f6f8fa;\n    --upcoming: #9198a1; --active: #79b8ff; --overdue: #ff8182; --completed: #56d364;\n    --completed_late: #e3b341; --cancelled: #9198a1; --conflict: #ff8182; --resolution: #79b8ff;\n  }\n}\n*, *::before, *::after { box-sizing: border-box; }\n[hidden] { display: none !important; }\nhtml { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }\nbody {\n  margin: 0; background: var(--bg); color: var(--fg);\n  font: 1rem/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "DejaVu Sans", sans-serif;\n  overflow-wrap: break-word;\n}\nmain, footer { max-width: 72rem; margin: 0 auto; padding: 1rem; }\nh1 { font-size: 1.6rem; line-height: 1.25; margin: .5rem 0; }\nh2 { font-size: 1.25rem; margin: 2rem 0 .75rem; padding-bottom: .25rem; border-bottom: 1px solid var(--line); }\nh3 { font-size: 1rem; margin: 0; }\na { color: var(--link); }\n.summary, .event, .note { overflow-wrap: anywhere; }\n.asof { color: var(--muted); margin: 0 0 .75rem; }\n.summary { font-size: 1.075rem; max-width: 48rem; }\n.warning { max-width: 48rem; padding: .5rem .75rem; border-left: 4px solid var(--overdue); background: var(--soft); overflow-wrap: anywhere; }\nnav ul { display: flex; flex-wrap: wrap; gap: .25rem 1rem; list-style: none; padding: 0; margin: .75rem 0 0; }\n.badge {\n  display: inline-block; padding: 0 .5em; border: 1px solid currentColor; border-radius: 1em;\n  font-size: .85em; white-space: normal; max-width: 100%; overflow-wrap: anywhere;\n}\n'
    for l_1_state in ('upcoming', 'active', 'overdue', 'completed', 'completed_late', 'cancelled'):
        _loop_vars = {}
        pass
        yield '.state-'
        yield escape(environment.finalize(l_1_state))
        yield ' { color: var(--'
        yield escape(environment.finalize(l_1_state))
        yield '); }\n'
    l_1_state = missing
    yield '.muted, .published, .days { color: var(--muted); }\n.published { white-space: nowrap; }\n.nowrap { white-space: nowrap; }\ntable { border-collapse: collapse; width: 100%; font-variant-numeric: tabular-nums; }\ncaption { text-align: left; color: var(--muted); padding: 0 0 .5rem; }\nth, td { text-align: left; vertical-align: top; padding: .45rem .6rem; border-bottom: 1px solid var(--line); }\nthead th { background: var(--soft); font-size: .9rem; border-bottom-width: 2px; }\ntbody th { font-weight: 600; }\ntd.sources-cell { min-width: 12rem; }\n.table-scroll { overflow-x: auto; }\ntd .shift { display: block; color: var(--muted); font-size: .85rem; }\n.sources { margin: .35rem 0 0; padding-left: 1.1rem; font-size: .9rem; }\n.sources li { margin: .1rem 0; }\n.url { font-size: .85em; }\n.filter {\n  display: flex; flex-wrap: wrap; align-items: end; gap: .75rem 1rem;\n  padding: .75rem 1rem; margin: 0 0 1rem; background: var(--soft); border: 1px solid var(--line); border-radius: .5rem;\n}\n.field { display: flex; flex-direction: column; gap: .2rem; min-width: 0; flex: 1 1 12rem; }\n.field label { font-weight: 600; font-size: .9rem; }\ninput, select, button { font: inherit; height: 2.4rem; padding: .25rem .5rem; border: 1px solid var(--line); border-radius: .35rem; background: var(--bg); color: var(--fg); max-width: 100%; }\nbutton { cursor: pointer; }\n.count { flex-basis: 100%; margin: 0; font-weight: 600; }\n.events { list-style: none; margin: 0; padding: 0 0 0 1rem; border-left: 2px solid var(--line); }\n.event { position: relative; margin: 0 0 1.25rem; padding-left: .5rem; }\n.event::before {\n  content: ""; position: absolute; left: calc(-1.5rem - 1px); top: .35rem; width: .75rem; height: .75rem;\n  border-radius: 50%; background: var(--bg); border: 2px solid var(--muted);\n}\n.event h3 time, .event h3 > span:first-child { display: block; font-weight: 400; font-size: .9rem; color: var(--muted); }\n.tags { margin: .2rem 0; display: flex; flex-wrap: wrap; gap: .3rem; font-size: .85rem; }\n.tags .badge { color: var(--muted); }\n.event p { margin: .3rem 0; }\n.notes { list-style: none; padding: 0; margin: 0; }\n.note { border-left: 4px solid var(--line); padding: .5rem .75rem; margin: 0 0 .75rem; background: var(--soft); border-radius: 0 .35rem .35rem 0; }\n.note-conflict { border-left-color: var(--conflict); }\n.note-date_resolution { border-left-color: var(--resolution); }\n.note p { margin: 0; }\n.chart { margin: 0; }\n.chart-scroll { overflow-x: auto; }\n.narrow-only { display: none; }\n.chart svg { display: block; width: 100%; height: auto; max-width: 100%; background: var(--chart); border-radius: .35rem; }\n.chart figcaption { color: var(--muted); font-size: .9rem; margin-top: .4rem; }\nfooter { color: var(--muted); font-size: .9rem; border-top: 1px solid var(--line); }\n@media screen and (max-width: 44rem) {\n  main, footer { padding: .75rem; }\n  h1 { font-size: 1.35rem; }\n  .reflow, .reflow tbody, .reflow tr, .reflow th, .reflow td { display: block; width: 100%; }\n  .reflow caption { display: block; }\n  td.sources-cell { min-width: 0; }\n  .chart > .chart-scroll > svg { min-width: 40rem; }\n  .narrow-only { display: inline; }\n  .reflow thead { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); }\n  .reflow tr { border: 1px solid var(--line); border-radius: .5rem; margin: 0 0 .75rem; padding: .35rem .75rem; }\n  .reflow tbody th, .reflow td { position: relative; border: 0; padding: .2rem 0 .2rem 7.5rem; min-height: 1.9rem; }\n  .reflow tbody th::before, .reflow td::before {\n    content: attr(data-label); position: absolute; left: 0; width: 7rem; font-weight: 600; color: var(--muted); font-size: .9rem;\n  }\n}\n@media print {\n  :root {\n    --bg: #fff; --fg: #000; --muted: #444; --line: #999; --soft: #fff; --link: #000; --chart: #fff;\n    --upcoming: #444; --active: #000; --overdue: #000; --completed: #000; --completed_late: #000;\n    --cancelled: #444; --conflict: #000; --resolution: #444;\n  }\n  body { font-size: 10.5pt; }\n  main, footer { max-width: none; padding: 0; }\n  nav, .filter { display: none !important; }\n  .event[hidden] { display: block !important; }\n  .event::before { display: none; }\n  .table-scroll { overflow: visible; }\n  td.sources-cell { min-width: 0; overflow-wrap: anywhere; }\n  a[href^="http"]::after { content: " <" attr(href) ">"; font-size: .85em; overflow-wrap: anywhere; }\n  h2, h3 { break-after: avoid; }\n  tr, .event, .note, .chart { break-inside: avoid; }\n}\n</style>\n</head>\n<body>\n<main>\n<h1>'
    yield escape(environment.finalize(environment.getattr((undefined(name='report') if l_0_report is missing else l_0_report), 'title')))
    yield '</h1>\n<p class="asof">'
    yield escape(environment.finalize(context.call(environment.getattr(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Status as of {as_of}, as known on {known_on}.'), 'format'), as_of=environment.getattr((undefined(name='report') if l_0_report is missing else l_0_report), 'as_of'), known_on=environment.getattr((undefined(name='report') if l_0_report is missing else l_0_report), 'known_on'))))
    yield '</p>\n<p class="summary">'
    yield escape(environment.finalize(environment.getattr((undefined(name='report') if l_0_report is missing else l_0_report), 'summary')))
    yield '</p>\n'
    if environment.getattr((undefined(name='report') if l_0_report is missing else l_0_report), 'warning'):
        pass
        yield '<p class="warning" role="note"><strong>'
        yield escape(environment.finalize(environment.getattr((undefined(name='report') if l_0_report is missing else l_0_report), 'warning')))
        yield '</strong></p>'
    yield '<nav aria-label="'
    yield escape(environment.finalize(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Contents')))
    yield '">\n<ul>\n<li><a href="#stages">'
    yield escape(environment.finalize(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Stages')))
    yield '</a></li>\n'
    if (undefined(name='chart') if l_0_chart is missing else l_0_chart):
        pass
        yield '<li><a href="#chart">'
        yield escape(environment.finalize(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Chart')))
        yield '</a></li>'
    yield '<li><a href="#plans">'
    yield escape(environment.finalize(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Plan history')))
    yield '</a></li>\n<li><a href="#timeline">'
    yield escape(environment.finalize(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Timeline')))
    yield '</a></li>\n<li><a href="#notes">'
    yield escape(environment.finalize(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Notes')))
    yield '</a></li>\n</ul>\n</nav>\n\n<section aria-labelledby="stages">\n<h2 id="stages">'
    yield escape(environment.finalize(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Stages')))
    yield '</h2>\n'
    if environment.getattr((undefined(name='report') if l_0_report is missing else l_0_report), 'stages'):
        pass
        yield '<div class="table-scroll">\n<table class="reflow">\n<caption>'
        yield escape(environment.finalize(context.call(environment.getattr(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Each stage’s window, its state as of {as_of} and the progress reported; the shift is how far its last day has moved against the first plan.'), 'format'), as_of=environment.getattr((undefined(name='report') if l_0_report is missing else l_0_report), 'as_of'))))
        yield '</caption>\n<thead>\n<tr><th scope="col">'
        yield escape(environment.finalize(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Stage')))
        yield '</th><th scope="col">'
        yield escape(environment.finalize(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Name')))
        yield '</th><th scope="col">'
        yield escape(environment.finalize(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Window')))
        yield '</th><th scope="col">'
        yield escape(environment.finalize(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'State')))
        yield '</th><th scope="col">'
        yield escape(environment.finalize(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Progress')))
        yield '</th><th scope="col">'
        yield escape(environment.finalize(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Days')))
        yield '</th><th scope="col">'
        yield escape(environment.finalize(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Shift vs first plan')))
        yield '</th></tr>\n</thead>\n<tbody>\n'
        for l_1_stage in environment.getattr((undefined(name='report') if l_0_report is missing else l_0_report), 'stages'):
            l_1_progress_words = resolve('progress_words')
            _loop_vars = {}
            pass
            yield '<tr>\n<th scope="row" data-label="'
            yield escape(environment.finalize(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Stage', _loop_vars=_loop_vars)))
            yield '">'
            yield escape(environment.finalize(environment.getattr(l_1_stage, 'number')))
            yield '</th>\n<td data-label="'
            yield escape(environment.finalize(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Name', _loop_vars=_loop_vars)))
            yield '">'
            yield escape(environment.finalize(environment.getattr(l_1_stage, 'name')))
            yield '</td>\n<td data-label="'
            yield escape(environment.finalize(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Window', _loop_vars=_loop_vars)))
            yield '">'
            yield escape(environment.finalize(context.call((undefined(name='window') if l_0_window is missing else l_0_window), environment.getattr(l_1_stage, 'starts'), environment.getattr(l_1_stage, 'last_day'), _loop_vars=_loop_vars)))
            yield '</td>\n<td data-label="'
            yield escape(environment.finalize(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'State', _loop_vars=_loop_vars)))
            yield '"><span class="badge state-'
            yield escape(environment.finalize(environment.getattr(l_1_stage, 'state')))
            yield '">'
            yield escape(environment.finalize(environment.getattr(l_1_stage, 'state_text')))
            yield '</span></td>\n<td data-label="'
            yield escape(environment.finalize(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Progress', _loop_vars=_loop_vars)))
            yield '">'
            yield escape(environment.finalize((environment.getattr(l_1_stage, 'progress_text') or context.call((undefined(name='progress_words') if l_1_progress_words is missing else l_1_progress_words), environment.getattr(l_1_stage, 'progress'), _loop_vars=_loop_vars))))
            yield '</td>\n<td data-label="'
            yield escape(environment.finalize(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Days', _loop_vars=_loop_vars)))
            yield '" class="days">'
            yield escape(environment.finalize(environment.getattr(l_1_stage, 'days_text')))
            yield '</td>\n<td data-label="'
            yield escape(environment.finalize(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Shift', _loop_vars=_loop_vars)))
            yield '">'
            yield escape(environment.finalize(t_6(environment.getattr(l_1_stage, 'shift_days'), environment.getattr(l_1_stage, 'shift_inferred'))))
            yield '</td>\n</tr>\n'
        l_1_stage = l_1_progress_words = missing
        yield '</tbody>\n</table>\n</div>\n'
    else:
        pass
        yield '<p>'
        yield escape(environment.finalize(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'No stage is recorded.')))
        yield '</p>\n'
    yield '</section>\n\n'
    if (undefined(name='chart') if l_0_chart is missing else l_0_chart):
        pass
        yield '<section aria-labelledby="chart">\n<h2 id="chart">'
        yield escape(environment.finalize(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Chart')))
        yield '</h2>\n<figure class="chart">\n<div class="chart-scroll" tabindex="0" role="region" aria-label="'
        yield escape(environment.finalize(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Chart')))
        yield '">\n'
        yield escape(environment.finalize((undefined(name='chart') if l_0_chart is missing else l_0_chart)))
        yield '\n</div>\n<figcaption>'
        yield escape(environment.finalize(context.call(environment.getattr(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'The stages and events on a time axis, as of {as_of}.'), 'format'), as_of=environment.getattr((undefined(name='report') if l_0_report is missing else l_0_report), 'as_of'))))
        yield '<span class="narrow-only"> '
        yield escape(environment.finalize(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Scroll sideways to see all of it.')))
        yield '</span></figcaption>\n</figure>\n</section>\n'
    yield '\n<section aria-labelledby="plans">\n<h2 id="plans">'
    yield escape(environment.finalize(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Plan history')))
    yield '</h2>\n'
    if (undefined(name='plan_rows') if l_0_plan_rows is missing else l_0_plan_rows):
        pass
        yield '<div class="table-scroll">\n<table class="reflow">\n<caption>'
        yield escape(environment.finalize(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Each version of the plan in the order announced, with each stage’s window and its last day’s shift against the first plan.')))
        yield '</caption>\n<thead>\n<tr><th scope="col">'
        yield escape(environment.finalize(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Plan')))
        yield '</th><th scope="col">'
        yield escape(environment.finalize(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Announced')))
        yield '</th><th scope="col">'
        yield escape(environment.finalize(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Basis')))
        yield '</th>'
        for l_1_number in (undefined(name='plan_stages') if l_0_plan_stages is missing else l_0_plan_stages):
            _loop_vars = {}
            pass
            yield '<th scope="col">'
            yield escape(environment.finalize(context.call(environment.getattr(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Stage {number}', _loop_vars=_loop_vars), 'format'), number=l_1_number, _loop_vars=_loop_vars)))
            yield '</th>'
        l_1_number = missing
        yield '<th scope="col">'
        yield escape(environment.finalize(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Sources')))
        yield '</th></tr>\n</thead>\n<tbody>\n'
        l_1_loop = missing
        for (l_1_plan, l_1_cells), l_1_loop in LoopContext((undefined(name='plan_rows') if l_0_plan_rows is missing else l_0_plan_rows), undefined):
            _loop_vars = {}
            pass
            yield '<tr>\n<th scope="row" data-label="'
            yield escape(environment.finalize(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Plan', _loop_vars=_loop_vars)))
            yield '">'
            yield escape(environment.finalize(environment.getattr(l_1_plan, 'id')))
            if environment.getattr(l_1_plan, 'inferred'):
                pass
                yield ' <span class="badge">'
                yield escape(environment.finalize(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'inferred', _loop_vars=_loop_vars)))
                yield '</span>'
            yield '</th>\n<td data-label="'
            yield escape(environment.finalize(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Announced', _loop_vars=_loop_vars)))
            yield '" class="nowrap">'
            yield escape(environment.finalize(environment.getattr(l_1_plan, 'announced')))
            yield '</td>\n<td data-label="'
            yield escape(environment.finalize(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Basis', _loop_vars=_loop_vars)))
            yield '">'
            yield escape(environment.finalize(environment.getattr(l_1_plan, 'basis')))
            yield '</td>\n'
            l_2_loop = missing
            for l_2_cell, l_2_loop in LoopContext(l_1_cells, undefined):
                _loop_vars = {}
                pass
                yield '<td data-label="'
                yield escape(environment.finalize(context.call(environment.getattr(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Stage {number}', _loop_vars=_loop_vars), 'format'), number=environment.getitem((undefined(name='plan_stages') if l_0_plan_stages is missing else l_0_plan_stages), environment.getattr(l_2_loop, 'index0')), _loop_vars=_loop_vars)))
                yield '">'
                if l_2_cell:
                    pass
                    yield escape(environment.finalize(context.call((undefined(name='window') if l_0_window is missing else l_0_window), environment.getitem(l_2_cell, 0), environment.getitem(l_2_cell, 1), _loop_vars=_loop_vars)))
                    if (not t_7(environment.getitem(l_2_cell, 2))):
                        pass
                        yield '<span class="shift">'
                        yield escape(environment.finalize(t_6(environment.getitem(l_2_cell, 2), environment.getattr(l_1_plan, 'shift_inferred'))))
                        yield '</span>'
                else:
                    pass
                    yield '<span class="muted">—</span>'
                yield '</td>\n'
            l_2_loop = l_2_cell = missing
            yield '<td data-label="'
            yield escape(environment.finalize(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Sources', _loop_vars=_loop_vars)))
            yield '" class="sources-cell">'
            yield escape(environment.finalize(context.call((undefined(name='sources') if l_0_sources is missing else l_0_sources), environment.getattr(l_1_plan, 'sources'), _loop_vars=_loop_vars)))
            yield '</td>\n</tr>\n'
        l_1_loop = l_1_plan = l_1_cells = missing
        yield '</tbody>\n</table>\n</div>\n'
    else:
        pass
        yield '<p>'
        yield escape(environment.finalize(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'No plan is recorded.')))
        yield '</p>\n'
    yield '</section>\n\n<section aria-labelledby="timeline">\n<h2 id="timeline">'
    yield escape(environment.finalize(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Timeline')))
    yield '</h2>\n'
    if environment.getattr((undefined(name='report') if l_0_report is missing else l_0_report), 'events'):
        pass
        yield '<form id="filter" class="filter" role="search" aria-label="'
        yield escape(environment.finalize(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Filter the timeline')))
        yield '" hidden>\n<div class="field"><label for="filter-text">'
        yield escape(environment.finalize(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Words')))
        yield '</label><input id="filter-text" name="text" type="search" autocomplete="off"></div>\n<div class="field"><label for="filter-kind">'
        yield escape(environment.finalize(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Kind')))
        yield '</label><select id="filter-kind" name="kind">\n<option value="">'
        yield escape(environment.finalize(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'All kinds')))
        yield '</option>\n'
        for (l_1_kind, l_1_label, l_1_n) in (undefined(name='kinds') if l_0_kinds is missing else l_0_kinds):
            _loop_vars = {}
            pass
            yield '<option value="'
            yield escape(environment.finalize(l_1_kind))
            yield '">'
            yield escape(environment.finalize(context.call((undefined(name='_') if l_0__ is missing else l_0__), l_1_label, _loop_vars=_loop_vars)))
            yield ' ('
            yield escape(environment.finalize(l_1_n))
            yield ')</option>\n'
        l_1_kind = l_1_label = l_1_n = missing
        yield '</select></div>\n<div class="field"><label for="filter-stage">'
        yield escape(environment.finalize(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Stage')))
        yield '</label><select id="filter-stage" name="stage">\n<option value="">'
        yield escape(environment.finalize(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'All stages')))
        yield '</option>\n'
        for (l_1_number, l_1_name) in (undefined(name='stage_options') if l_0_stage_options is missing else l_0_stage_options):
            l_1_stage_title = resolve('stage_title')
            _loop_vars = {}
            pass
            yield '<option value="'
            yield escape(environment.finalize(l_1_number))
            yield '">'
            yield escape(environment.finalize(context.call((undefined(name='stage_title') if l_1_stage_title is missing else l_1_stage_title), l_1_number, (l_1_name or ''), _loop_vars=_loop_vars)))
            yield '</option>\n'
        l_1_number = l_1_name = l_1_stage_title = missing
        yield '</select></div>\n<button id="filter-reset" type="button">'
        yield escape(environment.finalize(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Show all')))
        yield '</button>\n'
        l_0_shown_format = context.call((undefined(name='_') if l_0__ is missing else l_0__), '{shown} of {total} events shown')
        context.vars['shown_format'] = l_0_shown_format
        context.exported_vars.add('shown_format')
        yield '<p id="filter-count" class="count" role="status" aria-live="polite" data-format="'
        yield escape(environment.finalize((undefined(name='shown_format') if l_0_shown_format is missing else l_0_shown_format)))
        yield '">'
        yield escape(environment.finalize(context.call(environment.getattr((undefined(name='shown_format') if l_0_shown_format is missing else l_0_shown_format), 'format'), shown=t_5(environment.getattr((undefined(name='report') if l_0_report is missing else l_0_report), 'events')), total=t_5(environment.getattr((undefined(name='report') if l_0_report is missing else l_0_report), 'events')))))
        yield '</p>\n</form>\n<ol id="events" class="events">\n'
        for l_1_event in environment.getattr((undefined(name='report') if l_0_report is missing else l_0_report), 'events'):
            l_1_event_kinds = resolve('event_kinds')
            _loop_vars = {}
            pass
            yield '<li class="event" data-kind="'
            yield escape(environment.finalize(environment.getattr(l_1_event, 'kind')))
            yield '" data-stages="'
            yield escape(environment.finalize(t_4(context.eval_ctx, environment.getattr(l_1_event, 'stages'), ' ')))
            yield '">\n<h3>'
            yield escape(environment.finalize(context.call((undefined(name='when') if l_0_when is missing else l_0_when), environment.getattr(l_1_event, 'date'), _loop_vars=_loop_vars)))
            yield ' '
            yield escape(environment.finalize(environment.getattr(l_1_event, 'title')))
            yield '</h3>\n<p class="tags"><span class="badge">'
            yield escape(environment.finalize(context.call((undefined(name='_') if l_0__ is missing else l_0__), environment.getitem((undefined(name='event_kinds') if l_1_event_kinds is missing else l_1_event_kinds), environment.getattr(l_1_event, 'kind')), _loop_vars=_loop_vars)))
            yield '</span>\n'
            t_11 = 1
            for l_2_number in environment.getattr(l_1_event, 'stages'):
                _loop_vars = {}
                pass
                yield '<span class="badge">'
                yield escape(environment.finalize(context.call(environment.getattr(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Stage {number}', _loop_vars=_loop_vars), 'format'), number=l_2_number, _loop_vars=_loop_vars)))
                yield '</span>\n'
                t_11 = 0
            l_2_number = missing
            if t_11:
                pass
                yield '<span class="badge">'
                yield escape(environment.finalize(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Whole program')))
                yield '</span>\n'
            yield '</p>\n'
            if environment.getattr(l_1_event, 'text'):
                pass
                yield '<p>'
                yield escape(environment.finalize(environment.getattr(l_1_event, 'text')))
                yield '</p>'
            yield escape(environment.finalize(context.call((undefined(name='sources') if l_0_sources is missing else l_0_sources), environment.getattr(l_1_event, 'sources'), _loop_vars=_loop_vars)))
            yield '\n</li>\n'
        l_1_event = l_1_event_kinds = missing
        yield '</ol>\n'
    else:
        pass
        yield '<p>'
        yield escape(environment.finalize(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'No event is recorded.')))
        yield '</p>\n'
    yield '</section>\n\n<section aria-labelledby="notes">\n<h2 id="notes">'
    yield escape(environment.finalize(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Notes')))
    yield '</h2>\n'
    if environment.getattr((undefined(name='report') if l_0_report is missing else l_0_report), 'notes'):
        pass
        yield '<ul class="notes">\n'
        for l_1_note in environment.getattr((undefined(name='report') if l_0_report is missing else l_0_report), 'notes'):
            l_1_note_kinds = resolve('note_kinds')
            _loop_vars = {}
            pass
            yield '<li class="note note-'
            yield escape(environment.finalize(environment.getattr(l_1_note, 'kind')))
            yield '">\n<p><strong>'
            yield escape(environment.finalize(context.call((undefined(name='_') if l_0__ is missing else l_0__), environment.getitem((undefined(name='note_kinds') if l_1_note_kinds is missing else l_1_note_kinds), environment.getattr(l_1_note, 'kind')), _loop_vars=_loop_vars)))
            yield '.</strong> '
            yield escape(environment.finalize(environment.getattr(l_1_note, 'text')))
            yield '</p>\n'
            yield escape(environment.finalize(context.call((undefined(name='sources') if l_0_sources is missing else l_0_sources), environment.getattr(l_1_note, 'sources'), _loop_vars=_loop_vars)))
            yield '\n</li>\n'
        l_1_note = l_1_note_kinds = missing
        yield '</ul>\n'
    else:
        pass
        yield '<p>'
        yield escape(environment.finalize(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'No note.')))
        yield '</p>\n'
    yield '</section>\n</main>\n<footer>\n<p>'
    yield escape(environment.finalize(context.call(environment.getattr(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Generated by {generator}.'), 'format'), generator=environment.getattr((undefined(name='report') if l_0_report is missing else l_0_report), 'generator'))))
    yield ' '
    yield escape(environment.finalize(context.call(environment.getattr(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Status as of {as_of}, as known on {known_on}.'), 'format'), as_of=environment.getattr((undefined(name='report') if l_0_report is missing else l_0_report), 'as_of'), known_on=environment.getattr((undefined(name='report') if l_0_report is missing else l_0_report), 'known_on'))))
    yield '</p>\n</footer>\n<script>'
    yield escape(environment.finalize((undefined(name='script') if l_0_script is missing else l_0_script)))
    yield '</script>\n</body>\n</html>'

blocks = {}
debug_info = '2=64&3=69&5=74&6=78&8=83&9=100&10=121&11=128&16=145&17=162&18=168&19=169&22=189&25=191&29=193&30=195&70=197&71=201&153=207&154=209&155=211&156=213&157=219&159=221&160=223&161=229&162=231&163=233&168=235&169=237&172=240&174=242&177=256&179=261&180=265&181=269&182=273&183=279&184=283&185=287&192=296&196=299&198=302&200=304&201=306&203=308&209=313&210=315&213=318&215=320&218=337&220=341&221=350&222=354&223=359&224=363&226=379&233=388&238=391&239=393&240=396&241=398&242=400&243=402&244=404&247=416&248=418&249=420&252=431&253=433&254=437&257=441&258=446&259=450&260=454&261=457&262=468&264=471&265=476&270=483&275=486&276=488&278=491&279=496&280=498&281=502&286=509&291=512&293=516'
