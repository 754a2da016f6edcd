from django.db import connection


def query_count(get_response):
    """Adds X-Query-Count: how many SQL queries the request ran (benchmark settings only)."""

    def middleware(request):
        count = 0

        def counter(execute, sql, params, many, context):
            nonlocal count
            count += 1
            return execute(sql, params, many, context)

        with connection.execute_wrapper(counter):
            response = get_response(request)
        response["X-Query-Count"] = str(count)
        return response

    return middleware
