-- Cities are created and renamed through the API (createCity / updateCity): names are unique ignoring case, so
-- "Metro City" and "metro city" cannot both exist (trips' events, the operations summary and payments' commission
-- rules name a city by its name). Prisma cannot express an index on an expression: declared in prisma/hand-written.json.
CREATE UNIQUE INDEX "cities_name_lower_key" ON "cities" (lower("name"));
