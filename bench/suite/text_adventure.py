"""A text-adventure engine driven by scripted and random players: a state machine.

Workload: text-adventure-like state machine. A world of rooms, exits, locked
doors, items, a lamp with fuel, a wandering troll and a scoring system is
defined as data; a command parser (verbs, synonyms, "take the brass key",
"go north"/"n") feeds a game object whose state moves between modes
(exploring, fighting, dead, won; darkness is a condition of the room and the
lamp) through a dispatch table of handler methods. One scripted walkthrough must win; then many players issuing
random commands from a seeded ``random.Random`` play until they die, win or
run out of turns. Outcomes, scores and a transcript checksum are printed.
"""
import random
import zlib

ROOMS = {
    "field": ("an open field west of a white house", {"north": "forest", "east": "porch", "south": "river"}, False),
    "forest": ("a dim forest with tall trees", {"south": "field", "east": "clearing"}, False),
    "clearing": ("a clearing with a pile of leaves", {"west": "forest", "down": "grate"}, False),
    "porch": ("the porch of the house; a front door leads in", {"west": "field", "in": "hall"}, False),
    "hall": ("a long hall with portraits", {"out": "porch", "north": "library", "east": "kitchen", "down": "cellar"}, False),
    "library": ("a library full of dusty books", {"south": "hall"}, False),
    "kitchen": ("a kitchen smelling of old bread", {"west": "hall", "up": "attic"}, False),
    "attic": ("a cramped attic", {"down": "kitchen"}, True),
    "cellar": ("a damp cellar", {"up": "hall", "east": "tunnel"}, True),
    "tunnel": ("a narrow tunnel", {"west": "cellar", "east": "vault", "up": "grate"}, True),
    "grate": ("beneath a rusty grate", {"up": "clearing", "down": "tunnel"}, True),
    "vault": ("a treasure vault", {"west": "tunnel"}, True),
    "river": ("the bank of a fast river", {"north": "field"}, False),
}
LOCKS = {("porch", "in"): "brass key", ("tunnel", "east"): "iron key", ("clearing", "down"): "crowbar"}
ITEMS = {
    "brass key": "river", "lamp": "porch", "iron key": "attic", "crowbar": "kitchen",
    "sword": "library", "jewel": "vault", "coin": "cellar", "book": "library", "bread": "kitchen",
}
TREASURES = {"jewel": 50, "coin": 10, "book": 5}
SYNONYMS = {"n": "north", "s": "south", "e": "east", "w": "west", "u": "up", "d": "down",
            "get": "take", "grab": "take", "walk": "go", "l": "look", "i": "inventory",
            "hit": "attack", "kill": "attack", "light": "lamp", "exit": "out", "enter": "in"}
DIRECTIONS = {"north", "south", "east", "west", "up", "down", "in", "out"}
ARTICLES = {"the", "a", "an", "to", "at"}


class Game:
    def __init__(self, rng):
        self.rng = rng
        self.room = "field"
        self.items = dict(ITEMS)
        self.inventory = []
        self.unlocked = set()
        self.lamp_on = False
        self.fuel = 120
        self.troll_room = "cellar"
        self.troll_hp = 3
        self.state = "exploring"
        self.score = 0
        self.turns = 0
        self.out = []
        self.visited = {"field"}
        self.handlers = {
            "go": self.do_go, "take": self.do_take, "drop": self.do_drop, "look": self.do_look,
            "inventory": self.do_inventory, "attack": self.do_attack, "lamp": self.do_lamp,
            "unlock": self.do_unlock, "eat": self.do_eat, "score": self.do_score, "wait": self.do_wait,
        }

    def say(self, text):
        self.out.append(text)

    def dark(self, room=None):
        room = room or self.room
        return ROOMS[room][2] and not (self.lamp_on and "lamp" in self.inventory)

    def parse(self, line):
        words = [SYNONYMS.get(w, w) for w in line.lower().split() if w not in ARTICLES]
        if not words:
            return None, None
        if words[0] in DIRECTIONS:
            return "go", words[0]
        verb = words[0]
        obj = " ".join(words[1:]) if len(words) > 1 else None
        if verb == "lamp" and obj is None:
            obj = "on"
        return verb, obj

    def command(self, line):
        if self.state in ("dead", "won"):
            return False
        self.turns += 1
        verb, obj = self.parse(line)
        handler = self.handlers.get(verb)
        if handler is None:
            self.say("I don't understand %r." % line)
        else:
            handler(obj)
        self.world_tick()
        return self.state not in ("dead", "won")

    def world_tick(self):
        if self.lamp_on:
            self.fuel -= 1
            if self.fuel <= 0:
                self.lamp_on = False
                self.say("Your lamp flickers out.")
        if self.troll_hp > 0 and self.state != "dead":
            if self.troll_room == self.room:
                self.state = "fighting"
                if self.rng.random() < 0.12:
                    self.say("The troll's axe finds its mark. You die.")
                    self.state = "dead"
            elif self.rng.random() < 0.2:
                exits = sorted(ROOMS[self.troll_room][1].values())
                nxt = exits[self.rng.randrange(len(exits))]
                if ROOMS[nxt][2]:
                    self.troll_room = nxt
        if self.state == "exploring" and self.dark() and self.rng.random() < 0.05:
            self.say("You stumble in the dark and fall into a pit.")
            self.state = "dead"
        if self.room == "field" and all(t in self.inventory for t in TREASURES) and self.state != "dead":
            self.state = "won"
            self.score += 100
            self.say("You have brought every treasure home. You win!")

    def do_go(self, direction):
        if self.state == "fighting" and self.rng.random() < 0.5:
            self.say("The troll blocks your way.")
            return
        exits = ROOMS[self.room][1]
        if direction not in exits:
            self.say("You can't go that way.")
            return
        lock = LOCKS.get((self.room, direction))
        if lock is not None and (self.room, direction) not in self.unlocked:
            self.say("The way is locked.")
            return
        self.room = exits[direction]
        if self.state == "fighting":
            self.state = "exploring"
        if self.room not in self.visited:
            self.visited.add(self.room)
            self.score += 2
        self.do_look(None)

    def do_look(self, obj):
        if self.dark():
            self.say("It is pitch dark. You may be eaten by something.")
            return
        desc, exits, _ = ROOMS[self.room]
        here = sorted(i for i, r in self.items.items() if r == self.room)
        self.say("You are in %s. Exits: %s.%s" % (desc, ", ".join(sorted(exits)),
                                                  (" You see: " + ", ".join(here) + ".") if here else ""))

    def do_take(self, obj):
        if obj is None:
            self.say("Take what?")
        elif self.dark():
            self.say("You fumble around but find nothing.")
        elif self.items.get(obj) == self.room:
            del self.items[obj]
            self.inventory.append(obj)
            if obj in TREASURES:
                self.score += TREASURES[obj]
            self.say("Taken: %s." % obj)
        else:
            self.say("There is no %s here." % obj)

    def do_drop(self, obj):
        if obj in self.inventory:
            self.inventory.remove(obj)
            self.items[obj] = self.room
            if obj in TREASURES:
                self.score -= TREASURES[obj]
            self.say("Dropped.")
        else:
            self.say("You don't have that.")

    def do_inventory(self, obj):
        self.say("You carry: %s." % (", ".join(sorted(self.inventory)) or "nothing"))

    def do_lamp(self, obj):
        if "lamp" not in self.inventory:
            self.say("You have no lamp.")
        elif obj == "off":
            self.lamp_on = False
        elif self.fuel > 0:
            self.lamp_on = True
            self.say("The lamp is now on.")
        else:
            self.say("The lamp is out of fuel.")

    def do_unlock(self, obj):
        for (room, direction), key in LOCKS.items():
            if room == self.room and (obj is None or obj == direction or obj == key):
                if key in self.inventory:
                    self.unlocked.add((room, direction))
                    self.say("Unlocked with the %s." % key)
                else:
                    self.say("You need the %s." % key)
                return
        self.say("There is nothing to unlock here.")

    def do_attack(self, obj):
        if self.troll_room != self.room or self.troll_hp <= 0:
            self.say("There is nothing to attack.")
            return
        if "sword" not in self.inventory:
            self.say("Bare-handed? The troll laughs.")
            return
        if self.rng.random() < 0.6:
            self.troll_hp -= 1
            self.say("You wound the troll.")
            if self.troll_hp == 0:
                self.state = "exploring"
                self.score += 25
                self.say("The troll flees into the dark and is never seen again.")
        else:
            self.say("You miss.")

    def do_eat(self, obj):
        if obj == "bread" and "bread" in self.inventory:
            self.inventory.remove("bread")
            self.fuel += 40  # a strange bread, it refills the lamp
            self.say("Delicious.")
        else:
            self.say("You can't eat that.")

    def do_score(self, obj):
        self.say("Score %d in %d turns." % (self.score, self.turns))

    def do_wait(self, obj):
        self.say("Time passes.")


WALKTHROUGH = """s; take brass key; n; e; take lamp; unlock in; in; e; take crowbar; take bread; up;
lamp; take iron key; d; w; n; take sword; take the book; s; d; take coin; e; unlock east; e;
take jewel; w; up; up; w; s; i; score"""

VOCAB = ["n", "s", "e", "w", "u", "d", "in", "out", "look", "i", "take lamp", "take brass key",
         "take iron key", "take sword", "take jewel", "take coin", "take book", "take bread",
         "take crowbar", "drop book", "lamp", "lamp off", "unlock", "attack troll", "eat bread",
         "score", "wait", "dance"]


def play_script(script, rng):
    """Follow the script, but fight the troll whenever it shows up and retry
    a move it blocked."""
    g = Game(rng)
    for cmd in script.replace("\n", " ").split(";"):
        cmd = cmd.strip()
        if not cmd:
            continue
        while True:
            while g.state == "fighting" and g.troll_hp > 0:
                g.command("attack troll")
            if g.state in ("dead", "won"):
                return g
            g.command(cmd)
            if g.out[-1] != "The troll blocks your way.":
                break
    return g


def main():
    results = []
    for seed in range(40):
        g = play_script(WALKTHROUGH, random.Random(seed))
        results.append(g.state)
        if g.state == "won" and len([r for r in results if r == "won"]) == 1:
            first_win = g
    g = first_win
    print("walkthrough over 40 seeds:", results.count("won"), "won,", results.count("dead"), "died")
    print("first win:", g.state, "score", g.score, "turns", g.turns)
    print("last lines:", g.out[-2:])
    rng = random.Random(99)
    outcomes = {}
    best = None
    crc = 0
    total_turns = 0
    rooms_seen = {}
    for game_no in range(2600):
        g = Game(random.Random(rng.randrange(1 << 30)))
        # a biased random player: prefers exploring, takes things it sees
        while g.turns < 250:
            if g.out and "You see:" in g.out[-1] and rng.random() < 0.7:
                seen = g.out[-1].split("You see: ")[1].rstrip(".").split(", ")
                cmd = "take " + seen[rng.randrange(len(seen))]
            elif g.state == "fighting" and rng.random() < 0.6:
                cmd = "attack troll"
            elif g.dark() and "lamp" in g.inventory and rng.random() < 0.8:
                cmd = "lamp"
            elif rng.random() < 0.25:
                cmd = "unlock"
            else:
                cmd = VOCAB[rng.randrange(len(VOCAB))]
            if not g.command(cmd):
                break
        outcomes[g.state] = outcomes.get(g.state, 0) + 1
        total_turns += g.turns
        for r in g.visited:
            rooms_seen[r] = rooms_seen.get(r, 0) + 1
        if best is None or g.score > best[0]:
            best = (g.score, game_no, g.state)
        crc = zlib.crc32("\n".join(g.out).encode(), crc)
    print("random players:", sorted(outcomes.items()), "turns", total_turns)
    print("best:", best)
    print("rooms visited by how many players:", sorted(rooms_seen.items()))
    print("transcript crc32:", crc)


if __name__ == "__main__":
    main()
