-- Every version of every procedure the ward has made live. The newest version of a procedure is what citizens see;
-- older versions stay for the history, the diff view and rollback. Rows are never updated or deleted.
-- Version 1 of each procedure is the seed file (author 'seed'), stored on the first start.

CREATE TABLE procedure_version (
    id           BIGINT        NOT NULL AUTO_INCREMENT,
    procedure_id VARCHAR(64)   NOT NULL,
    version      INT           NOT NULL,                  -- 1, 2, 3 … per procedure
    content      LONGTEXT      NOT NULL,                  -- the full procedure document, JSON, schema of the seed files
    author       VARCHAR(100)  NOT NULL,                  -- 'seed', 'admin', or the editor's name (X-Author / staff session)
    created_at   DATETIME(3)   NOT NULL,
    changes      LONGTEXT      NOT NULL,                  -- diff to the previous version: JSON [{"path","old","new"}]
    rollback_of  INT           NULL,                      -- the version this one restores, for a rollback
    PRIMARY KEY (id),
    UNIQUE KEY procedure_version_number (procedure_id, version),
    CONSTRAINT procedure_version_content_json CHECK (JSON_VALID(content)),
    CONSTRAINT procedure_version_changes_json CHECK (JSON_VALID(changes))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
