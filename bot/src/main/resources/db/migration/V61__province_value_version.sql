-- The province layer (issue 17 point 4): the values a provincial People's Council sets per procedure (fee,
-- processing_time), edited by the province admin in the staff console. Like procedure_version, one append-only series
-- per province and procedure: version 1 is what config/provinces/<id>/province.yaml said when it was first seen
-- (author 'seed'), later versions are edits and win over the file. content is the partial procedure document the
-- province sets ({} = nothing, the national text stands). No foreign key to province: the series is seeded while the
-- folders are read, before the provinces are registered.
CREATE TABLE province_value_version (
    id           BIGINT       NOT NULL AUTO_INCREMENT,
    province_id  VARCHAR(64)  NOT NULL,
    procedure_id VARCHAR(64)  NOT NULL,
    version      INT          NOT NULL,
    content      TEXT         NOT NULL,
    author       VARCHAR(200) NOT NULL,
    created_at   DATETIME(3)  NOT NULL,
    changes      TEXT         NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY province_value_version_series (province_id, procedure_id, version),
    CONSTRAINT province_value_version_content_json CHECK (JSON_VALID(content))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
