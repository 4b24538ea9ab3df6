-- CreateTable
CREATE TABLE "user_names" (
    "user_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "name_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "user_names_pkey" PRIMARY KEY ("user_id")
);
