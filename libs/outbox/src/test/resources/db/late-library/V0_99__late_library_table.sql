-- Test-only: a shared library's migration released after services' databases already hold their own V1 and later.
CREATE TABLE late_library_table (
    id bigint PRIMARY KEY
);
