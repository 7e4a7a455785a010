# log lines alike but for a request id in the middle, counted by their text in a dict
pre = "GET /api/v2/organizations/acme-corporation/projects/website-redesign/items?id="
suf = ("&fields=name,owner,created,updated,status,priority,tags&format=json&lang=en-US"
       "&tz=Europe/Berlin&session=anonymous HTTP/1.1 200 OK")
lines = [" " + pre + "%05d" % i + suf for i in range(3000)]


def count(lines, passes):
    d = {}
    n = len(lines)
    for k in range(passes * n):
        ln = lines[k % n]
        key = ln[1:]
        d[key] = d.get(key, 0) + 1
    return d


d = count(lines, 20)
print(len(lines[0]), len(d), max(d.values()), min(d.values()))
