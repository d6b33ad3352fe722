"""The load test of `make loadtest`: a plan drawn here, Locust replaying it (locustfile.py), the database checked."""
