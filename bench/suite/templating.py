"""A small template engine and report formatter.

Workload: string building. Templates with ``{{ expr|filter }}`` substitutions,
``{% for x in xs %}`` loops and ``{% if %}`` blocks are tokenised and compiled
to a tree of node objects, then rendered many times against generated data
(orders, customers, line items) into HTML-like invoices; plain-text reports are
built with f-strings, ``str.format``, ``%``-formatting, ``ljust``/``rjust``/
``center``, and ``str.join``. Output size, line counts and a CRC32 of all
rendered text are printed.
"""
import random
import zlib


class TemplateError(Exception):
    pass


def escape(s):
    return (str(s).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            .replace('"', "&quot;"))


FILTERS = {
    "upper": lambda v: str(v).upper(),
    "lower": lambda v: str(v).lower(),
    "title": lambda v: str(v).title(),
    "money": lambda v: "{:,.2f}".format(v / 100),
    "escape": escape,
    "len": lambda v: len(v),
    "pad8": lambda v: str(v).rjust(8),
}


def lookup(ctx, path):
    parts = path.split(".")
    value = ctx[parts[0]]
    for p in parts[1:]:
        value = value[int(p)] if p.isdigit() else value[p]
    return value


class Text:
    def __init__(self, text):
        self.text = text

    def render(self, ctx, out):
        out.append(self.text)


class Var:
    def __init__(self, expr):
        pieces = [p.strip() for p in expr.split("|")]
        self.path = pieces[0]
        self.filters = [FILTERS[f] for f in pieces[1:]]

    def render(self, ctx, out):
        value = lookup(ctx, self.path)
        for f in self.filters:
            value = f(value)
        out.append(str(value))


class For:
    def __init__(self, var, seq, body):
        self.var = var
        self.seq = seq
        self.body = body

    def render(self, ctx, out):
        items = lookup(ctx, self.seq)
        inner = dict(ctx)
        n = len(items)
        for i, item in enumerate(items):
            inner[self.var] = item
            inner["loop"] = {"index": i + 1, "first": i == 0, "last": i == n - 1,
                             "parity": "odd" if i % 2 == 0 else "even"}
            for node in self.body:
                node.render(inner, out)


class If:
    def __init__(self, cond, body, orelse):
        negate = cond.startswith("not ")
        self.negate = negate
        self.path = cond[4:].strip() if negate else cond.strip()
        self.body = body
        self.orelse = orelse

    def render(self, ctx, out):
        value = bool(lookup(ctx, self.path))
        for node in (self.body if value != self.negate else self.orelse):
            node.render(ctx, out)


def tokenize(src):
    tokens = []
    pos = 0
    while True:
        a = src.find("{{", pos)
        b = src.find("{%", pos)
        starts = [x for x in (a, b) if x != -1]
        if not starts:
            tokens.append(("text", src[pos:]))
            return tokens
        start = min(starts)
        if start > pos:
            tokens.append(("text", src[pos:start]))
        if start == a:
            end = src.index("}}", start)
            tokens.append(("var", src[start + 2:end].strip()))
        else:
            end = src.index("%}", start)
            tokens.append(("tag", src[start + 2:end].strip()))
        pos = end + 2


def parse(tokens, i=0, until=()):
    nodes = []
    while i < len(tokens):
        kind, value = tokens[i]
        if kind == "text":
            nodes.append(Text(value))
        elif kind == "var":
            nodes.append(Var(value))
        else:
            words = value.split()
            if words[0] in until:
                return nodes, i
            if words[0] == "for":
                body, i = parse(tokens, i + 1, ("endfor",))
                nodes.append(For(words[1], words[3], body))
            elif words[0] == "if":
                body, i = parse(tokens, i + 1, ("else", "endif"))
                orelse = []
                if tokens[i][1] == "else":
                    orelse, i = parse(tokens, i + 1, ("endif",))
                nodes.append(If(" ".join(words[1:]), body, orelse))
            else:
                raise TemplateError("unknown tag %r" % value)
        i += 1
    if until:
        raise TemplateError("missing %s" % "/".join(until))
    return nodes, i


class Template:
    def __init__(self, src):
        self.nodes, _ = parse(tokenize(src))

    def render(self, **ctx):
        out = []
        for node in self.nodes:
            node.render(ctx, out)
        return "".join(out)


INVOICE = """<div class="invoice" id="inv-{{ order.id }}">
  <h1>Invoice {{ order.id }} for {{ order.customer.name|title|escape }}</h1>
  {% if order.customer.vip %}<p class="vip">Valued customer since {{ order.customer.since }}</p>{% else %}<p>Thank you!</p>{% endif %}
  <table>
  {% for line in order.lines %}<tr class="{{ loop.parity }}"><td>{{ loop.index }}</td><td>{{ line.sku|upper }}</td><td>{{ line.desc|escape }}</td><td>{{ line.qty|pad8 }}</td><td>{{ line.total|money }}</td></tr>
  {% endfor %}</table>
  <p>{{ order.lines|len }} lines, total {{ order.total|money }}</p>
  {% if not order.notes %}<p>No notes.</p>{% else %}<ul>{% for n in order.notes %}<li>{{ n|escape }}</li>{% endfor %}</ul>{% endif %}
</div>
"""

ADJ = ["red", "blue", "tiny", "huge", "smart", "old", "shiny", "quiet", "fast", "wooden"]
NOUNS = ["widget", "gadget", "lamp", "chair", "table", "kettle", "book", "phone", "spoon", "clock"]
NAMES = ["ada lovelace", "alan turing", "grace hopper", "edsger dijkstra", "barbara liskov",
         "donald knuth", "john mccarthy", "margaret hamilton", "ken thompson", "frances allen"]


def make_orders(rng, n):
    customers = [{"name": NAMES[i % len(NAMES)] + (" %d" % i if i >= len(NAMES) else ""),
                  "vip": rng.random() < 0.3, "since": 1990 + rng.randrange(30)} for i in range(40)]
    orders = []
    for i in range(n):
        lines = []
        for _ in range(rng.randrange(1, 9)):
            qty = rng.randrange(1, 20)
            price = rng.randrange(99, 99999)
            desc = "%s %s <%s & co>" % (ADJ[rng.randrange(10)], NOUNS[rng.randrange(10)], "x" * rng.randrange(3))
            lines.append({"sku": "sku-%05d" % rng.randrange(100000), "desc": desc, "qty": qty,
                          "price": price, "total": qty * price})
        total = 0
        for ln in lines:
            total += ln["total"]
        notes = ['Leave at "door" #%d' % k for k in range(rng.randrange(3))]
        orders.append({"id": 10000 + i, "customer": customers[rng.randrange(len(customers))],
                       "lines": lines, "total": total, "notes": notes})
    return orders


def text_report(orders):
    by_customer = {}
    for o in orders:
        by_customer.setdefault(o["customer"]["name"], []).append(o)
    lines = []
    title = " Sales report "
    lines.append(title.center(72, "="))
    lines.append(f"{'customer':<28}{'orders':>8}{'items':>8}{'revenue':>16}{'avg':>12}")
    lines.append("-" * 72)
    grand = 0
    for name in sorted(by_customer):
        os_ = by_customer[name]
        items = 0
        revenue = 0
        for o in os_:
            for ln in o["lines"]:
                items += ln["qty"]
            revenue += o["total"]
        grand += revenue
        avg = revenue // len(os_)
        lines.append(f"{name.title():<28}{len(os_):>8d}{items:>8d}{revenue / 100:>16,.2f}{avg / 100:>12.2f}")
    lines.append("-" * 72)
    lines.append("{:<28}{:>44}".format("TOTAL", "{:,.2f}".format(grand / 100)))
    lines.append("%-28s%44s" % ("orders", format(len(orders), ",")))
    return "\n".join(lines)


def csv_export(orders):
    rows = ["id,customer,sku,qty,price,total"]
    for o in orders:
        cname = o["customer"]["name"]
        for ln in o["lines"]:
            rows.append(",".join([str(o["id"]), '"%s"' % cname, ln["sku"], str(ln["qty"]),
                                  "%d.%02d" % divmod(ln["price"], 100), "%d.%02d" % divmod(ln["total"], 100)]))
    return "\n".join(rows) + "\n"


def main():
    rng = random.Random(777)
    template = Template(INVOICE)
    crc = 0
    size = 0
    line_count = 0
    for batch in range(18):
        orders = make_orders(rng, 1500)
        html = "".join(template.render(order=o) for o in orders)
        report = text_report(orders)
        csv = csv_export(orders)
        for text in (html, report, csv):
            crc = zlib.crc32(text.encode("utf-8"), crc)
            size += len(text)
            line_count += text.count("\n") + 1
        if batch == 0:
            print("\n".join(report.splitlines()[:4]))
            print(html[:html.index("</h1>") + 5])
    print("rendered characters:", size, "lines:", line_count)
    print("crc32:", crc)


if __name__ == "__main__":
    main()
