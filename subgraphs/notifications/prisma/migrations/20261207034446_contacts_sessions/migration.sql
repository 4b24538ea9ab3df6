-- CreateTable
CREATE TABLE "contacts" (
    "user_id" UUID NOT NULL,
    "phone" TEXT,
    "email" TEXT,
    "changed_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "contacts_pkey" PRIMARY KEY ("user_id")
);

-- CreateTable
CREATE TABLE "known_sessions" (
    "session_id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "ended_at" TIMESTAMPTZ(3),

    CONSTRAINT "known_sessions_pkey" PRIMARY KEY ("session_id")
);
