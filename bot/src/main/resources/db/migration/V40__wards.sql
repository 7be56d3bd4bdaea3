-- The communes/wards this deployment serves and the provinces that host them (issue: many wards in one deployment).
-- A single-ward installation has one province and one ward; today's data belongs to the demo ward 'demo-hoa-an',
-- which every existing ward_id column already names. Rows are disabled, never deleted: cases and audit entries keep
-- naming the ward they belong to.
CREATE TABLE province (
    id         VARCHAR(64)  NOT NULL,
    name_vi    VARCHAR(200) NOT NULL,
    name_en    VARCHAR(200) NOT NULL,
    created_at DATETIME(3)  NOT NULL,
    PRIMARY KEY (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE ward (
    id                    VARCHAR(64)  NOT NULL,
    province_id           VARCHAR(64)  NOT NULL,
    name_vi               VARCHAR(200) NOT NULL,
    name_en               VARCHAR(200) NOT NULL,
    enabled               BOOLEAN      NOT NULL DEFAULT TRUE,
    -- Ward policy: officers (not only admins and supervisors) must use an authenticator app to sign in.
    officer_second_factor BOOLEAN      NOT NULL DEFAULT FALSE,
    created_at            DATETIME(3)  NOT NULL,
    PRIMARY KEY (id),
    KEY ward_by_province (province_id),
    CONSTRAINT ward_province FOREIGN KEY (province_id) REFERENCES province (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

INSERT INTO province (id, name_vi, name_en, created_at)
VALUES ('demo-da-nang', 'Thành phố Đà Nẵng (DEMO)', 'Da Nang City (DEMO)', CURRENT_TIMESTAMP(3));
INSERT INTO ward (id, province_id, name_vi, name_en, created_at)
VALUES ('demo-hoa-an', 'demo-da-nang', 'Phường Hòa An (DEMO)', 'Hoa An Ward (DEMO)', CURRENT_TIMESTAMP(3));
