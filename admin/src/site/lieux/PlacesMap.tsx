import { useEffect, useRef } from 'react';
import { Box, Typography } from '@mui/material';
import L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import type { Place } from './placeParts';

const escape = (text: string) => text.replace(/[&<>"']/g, c => `&#${c.charCodeAt(0)};`);

/**
 * The places of the page on a map, when the server names a tile server (PUBLIC_MAP_TILES_URL):
 * a dot per place that has a position, its popup linking to the place's page. Circles are drawn,
 * not image markers: nothing to fetch but the tiles.
 */
export const PlacesMap = ({ places, tilesUrl, attribution }: { places: Place[]; tilesUrl: string; attribution: string }) => {
    const box = useRef<HTMLDivElement>(null);
    const map = useRef<L.Map | null>(null);
    const layer = useRef<L.LayerGroup | null>(null);

    useEffect(() => {
        if (!box.current) return;
        map.current = L.map(box.current, { scrollWheelZoom: false }).setView([46.6, 2.4], 5);
        L.tileLayer(tilesUrl, { attribution: escape(attribution), maxZoom: 19 }).addTo(map.current);
        layer.current = L.layerGroup().addTo(map.current);
        return () => {
            map.current?.remove();
            map.current = null;
        };
    }, [tilesUrl, attribution]);

    const located = places.filter(p => p.latitude !== null && p.longitude !== null);
    useEffect(() => {
        if (!map.current || !layer.current) return;
        layer.current.clearLayers();
        for (const place of located) {
            L.circleMarker([place.latitude!, place.longitude!], { radius: 8, color: '#1a4d8f', fillColor: '#1a4d8f', fillOpacity: 0.7 })
                .bindPopup(`<strong>${escape(place.name)}</strong><br>${escape(place.postalCode)} ${escape(place.city)}<br><a href="/lieux/?lieu=${encodeURIComponent(place.id)}">Voir le lieu</a>`)
                .addTo(layer.current);
        }
        map.current.invalidateSize();
        if (located.length > 0) map.current.fitBounds(L.latLngBounds(located.map(p => [p.latitude!, p.longitude!] as [number, number])), { padding: [24, 24], maxZoom: 14 });
    }, [located.map(p => p.id).join()]); // eslint-disable-line react-hooks/exhaustive-deps

    return (
        <Box>
            <Box ref={box} data-testid="places-map" sx={{ height: { xs: 260, sm: 360 }, borderRadius: 1, border: 1, borderColor: 'divider' }} aria-label="Carte des lieux" role="region" />
            {located.length < places.length && (
                <Typography variant="caption" color="text.secondary">
                    {places.length - located.length} lieu{places.length - located.length > 1 ? 'x' : ''} de cette page sans position sur la carte.
                </Typography>
            )}
        </Box>
    );
};
