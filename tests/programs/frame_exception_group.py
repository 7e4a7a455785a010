# an ExceptionGroup raised and not caught: the nested group traceback is printed
def validate(record):
    errors = []
    if "name" not in record:
        errors.append(KeyError("name"))
    if record.get("age", 0) < 0:
        errors.append(ValueError("age must be >= 0, got %d" % record["age"]))
    if errors:
        raise ExceptionGroup("invalid record %r" % record.get("id"), errors)
    return True


def validate_all(records):
    problems = []
    for r in records:
        try:
            validate(r)
        except ExceptionGroup as eg:
            problems.append(eg)
    if problems:
        raise ExceptionGroup("%d invalid records" % len(problems), problems)


print(validate({"id": 1, "name": "ann", "age": 3}))
validate_all([{"id": 1, "name": "a"}, {"id": 2, "age": -1}, {"id": 3, "name": "c", "age": -5}])
