-- Case codes grow from PH-2026-4821307 to PH-2026-4821307-5192648 (13 random digits + a check digit, issue 14);
-- a 4-letter prefix makes 25 characters. Old codes stay as they are.
ALTER TABLE case_file MODIFY COLUMN code VARCHAR(32) NOT NULL;
ALTER TABLE conversation MODIFY COLUMN case_code VARCHAR(32) NULL;
