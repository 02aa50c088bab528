#!/usr/bin/env bash
# Walk one loan request through the demo site by REST, the way the issue asks to show it:
# an anonymous visitor borrows Johanna, the coordinator approves, Johanna schedules and
# completes; anonymous gets 401 on the request at every step.
# Run against `make start` (http://localhost:8080/Plone).
set -euo pipefail
SITE=${SITE:-http://localhost:8080/Plone}
API="$SITE/++api++"
PASSWORD=somementor-demo
NAME="Elina Kallio $(date +%s)"  # unique, to find this request again
# Weeks ahead: wished dates in the past are refused. A month no demo loan of Johanna's uses.
WISH_START=$(date -d "+9 weeks" +%F)
WISH_END=$(date -d "+9 weeks 4 days" +%F)
MEETING_DAY=$(date -d "+9 weeks 2 days" +%F)
JSON=(-H "Accept: application/json" -H "Content-Type: application/json")
state() { python3 -c "import json,sys; print(json.load(sys.stdin).get('review_state'))"; }
anonymous() { echo "  anonymous GET: $(curl -s -o /dev/null -w '%{http_code}' -H 'Accept: application/json' "$LOAN")"; }

echo "1. A visitor asks to borrow Johanna Björk (POST @borrow, no account)"
curl -s -X POST "$API/fi/mentorit/johanna-bjork/@borrow" "${JSON[@]}" -d '{
  "requester_name": "'"$NAME"'", "requester_email": "elina@example.org",
  "organisation": "Laihian kirjasto", "need": "Instagram-tarinat",
  "preferred_language": "fi", "loan_format": "remote", "consent": true,
  "preferred_dates": [{"start": "'"$WISH_START"'", "end": "'"$WISH_END"'"}]}'
echo
LOAN=$(curl -s -u "koordinaattori:$PASSWORD" -H "Accept: application/json" \
  --get --data-urlencode "Title=$NAME" "$API/fi/lainapyynnot/@search?portal_type=LoanRequest" |
  python3 -c "import json,sys; print(json.load(sys.stdin)['items'][0]['@id'])")
echo "  request: $LOAN"
anonymous
echo "2. The coordinator approves: $(curl -s -u "koordinaattori:$PASSWORD" -X POST "$LOAN/@workflow/approve" "${JSON[@]}" | state)"
anonymous
curl -s -o /dev/null -u "johanna-bjork:$PASSWORD" -X PATCH "$LOAN" "${JSON[@]}" \
  -d '{"scheduled_start": "'"$MEETING_DAY"'T09:00:00", "scheduled_end": "'"$MEETING_DAY"'T11:00:00", "place": "https://meet.example.org/laihia"}'
echo "3. Johanna schedules: $(curl -s -u "johanna-bjork:$PASSWORD" -X POST "$LOAN/@workflow/schedule" "${JSON[@]}" | state)"
anonymous
curl -s -o /dev/null -u "johanna-bjork:$PASSWORD" -X PATCH "$LOAN" "${JSON[@]}" \
  -d '{"outcome": "Instagram-tarinat opittu.", "hours_spent": 2.5}'
echo "4. Johanna completes: $(curl -s -u "johanna-bjork:$PASSWORD" -X POST "$LOAN/@workflow/complete" "${JSON[@]}" | state)"
anonymous
