-- The public directory (issue 16): where a place is on a map (WGS 84), entered by staff.
ALTER TABLE "Location" ADD COLUMN "latitude" DOUBLE PRECISION;
ALTER TABLE "Location" ADD COLUMN "longitude" DOUBLE PRECISION;
