import { useEffect, useRef } from 'react';

const INPUT_EVENTS = ['keydown', 'mousedown', 'mousemove', 'wheel', 'touchstart', 'input', 'focusin'] as const;

/** Calls `onIdle` once after `ms` without any input from the user on the page. */
export const useIdleTimeout = (ms: number, onIdle: () => void, enabled = true) => {
    const onIdleRef = useRef(onIdle);
    onIdleRef.current = onIdle;
    useEffect(() => {
        if (!enabled) return;
        let timer = setTimeout(() => onIdleRef.current(), ms);
        const reset = () => {
            clearTimeout(timer);
            timer = setTimeout(() => onIdleRef.current(), ms);
        };
        INPUT_EVENTS.forEach(name => window.addEventListener(name, reset, { passive: true, capture: true }));
        return () => {
            clearTimeout(timer);
            INPUT_EVENTS.forEach(name => window.removeEventListener(name, reset, { capture: true }));
        };
    }, [ms, enabled]);
};
