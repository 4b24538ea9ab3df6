-- CreateTable
CREATE TABLE "known_fleets" (
    "id" UUID NOT NULL,
    "changed_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "known_fleets_pkey" PRIMARY KEY ("id")
);
