-- Many wards in one deployment: every procedure version belongs to one ward's catalog. Versions stored before this
-- migration were the single ward's, i.e. the demo ward 'demo-hoa-an'. Office and privacy notice are not tables: they
-- are read per ward from config/wards/<ward>/ (see docs/wards.md). No foreign key to ward: a single-ward install
-- whose office.yaml names a ward that is not in the registry keeps working.
ALTER TABLE procedure_version ADD COLUMN ward_id VARCHAR(64) NOT NULL DEFAULT 'demo-hoa-an' AFTER id;
ALTER TABLE procedure_version DROP INDEX procedure_version_number,
    ADD UNIQUE KEY procedure_version_number (ward_id, procedure_id, version);
ALTER TABLE procedure_version ALTER COLUMN ward_id DROP DEFAULT;
