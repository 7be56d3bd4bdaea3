import { createRoot } from 'react-dom/client';
import 'zmp-ui/zaui.css';
import './styles.css';
import { WardApp } from './app.jsx';
import { createSession } from './session.js';

// zmp-ui reads window.APP_ID for its router base; the app uses zmp-ui's memory router, but a value keeps other
// parts of zmp-ui quiet when the app runs outside Zalo.
window.APP_ID ||= 'local';

createRoot(document.getElementById('app')).render(<WardApp session={createSession()} />);
