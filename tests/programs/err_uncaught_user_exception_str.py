# uncaught user exception with custom __str__ and hierarchy
# warm-up: caught variants before the final uncaught error
class Oops(Exception):
    def __init__(self, code):
        super().__init__(code)
        self.code = code
    def __str__(self):
        return "oops code %d" % self.code
for c in (1, 2):
    try:
        raise Oops(c)
    except Oops as e:
        print("caught:", e, e.args, repr(e))
class AppError(Exception):
    pass
class ValidationError(AppError):
    def __init__(self, field, problem):
        super().__init__(field, problem)
        self.field = field
        self.problem = problem
    def __str__(self):
        return "field %r: %s" % (self.field, self.problem)
try:
    raise ValidationError("age", "negative")
except AppError as e:
    print("caught once:", e)
raise ValidationError("email", "missing @")
