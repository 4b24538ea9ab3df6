-- Default rules for referrals, drivers' ratings of riders and drivers' five-star weeks (LOYALTY.md "Earning"). A
-- migration of their own: the trigger values they use were added by the previous one and PostgreSQL lets a new enum
-- value be used only once the transaction that added it committed. In force from the start of time, like the others.
INSERT INTO "earning_rules" ("id", "key", "trigger", "points", "per_amount_minor", "streak_days", "min_ratings", "badge", "description", "effective_from") VALUES
  ('6c0a1d2e-0001-4000-8000-000000000006', 'referral', 'REFERRAL', 200, NULL, NULL, NULL, NULL, '200 points when a friend who signed up with your referral code completes a first paid ride', '1970-01-01T00:00:00Z'),
  ('6c0a1d2e-0001-4000-8000-000000000007', 'driver-rating-given', 'DRIVER_RATING_GIVEN', 5, NULL, NULL, NULL, NULL, '5 points for rating a rider', '1970-01-01T00:00:00Z'),
  ('6c0a1d2e-0001-4000-8000-000000000008', 'five-star-week', 'FIVE_STAR_WEEK', 100, NULL, NULL, 5, 'FIVE_STAR_WEEK', '100 points and the FIVE_STAR_WEEK badge for a week (Monday to Sunday, UTC) of at least 5 ratings, all 5 stars', '1970-01-01T00:00:00Z');
