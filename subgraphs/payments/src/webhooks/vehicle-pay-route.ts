// GET /pay/vehicles/<vehicle id>: what a vehicle's payment QR code holds is a URL, so a phone's camera app that
// scans it opens this page. Paying needs the signed-in rider, so the page sends them to the app (which calls
// payTripByVehicleQr with the code); it reveals nothing but what the URL already says. Served in every environment.
import type { HttpPageRoute } from '../../../../platform/http/index.js';
import { isUuid } from '../../../../platform/graphql/index.js';
import { VEHICLE_QR_PATH } from '../services/vehicle-qr.js';

export { VEHICLE_QR_PATH };

export function createVehiclePayRoute(): HttpPageRoute {
  return (_req, { method, rest }) => {
    const id = rest.replace(/\/+$/, '');
    if (method !== 'GET' || !isUuid(id)) return { status: 404, body: '<!doctype html><title>Not found</title><p>No such vehicle code.</p>\n' };
    return {
      status: 200,
      body: `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Pay your ride · Ridegraph</title></head>
<body><h1>Pay your ride</h1>
<p>Open the Ridegraph app and scan this code there (“Scan to pay”): it finds your trip in this car and opens the payment page for its fare.</p>
</body></html>
`,
    };
  };
}
