-- Test-only: a table whose key is a person's e-mail, so a duplicate makes PostgreSQL name the value in its error.
CREATE TABLE test_people (
    email text PRIMARY KEY
);
