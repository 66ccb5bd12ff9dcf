<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<!-- English needs a catalogue only for its plurals: every other source text is already English.
     Rebuild the .qm after a change: pyside6-lrelease timeline_app_en.ts -->
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name></name>
    <message numerus="yes">
        <source>%Ln quote(s).</source>
        <translation>
            <numerusform>%Ln quote.</numerusform>
            <numerusform>%Ln quotes.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln quote(s) from it.</source>
        <translation>
            <numerusform>%Ln quote from it.</numerusform>
            <numerusform>%Ln quotes from it.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Quoted in %Ln event(s); no event is deleted.</source>
        <translation>
            <numerusform>Quoted in %Ln event; no event is deleted.</numerusform>
            <numerusform>Quoted in %Ln events; no event is deleted.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln quote(s)</source>
        <translation>
            <numerusform>%Ln quote</numerusform>
            <numerusform>%Ln quotes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln event(s)</source>
        <translation>
            <numerusform>%Ln event</numerusform>
            <numerusform>%Ln events</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Its link(s) to %Ln event(s) (no event is deleted).</source>
        <translation>
            <numerusform>Its link to %Ln event (no event is deleted).</numerusform>
            <numerusform>Its links to %Ln events (no event is deleted).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Its link(s) to %Ln other source(s).</source>
        <translation>
            <numerusform>Its link to %Ln other source.</numerusform>
            <numerusform>Its links to %Ln other sources.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>It is deleted with its %Ln quote(s).</source>
        <translation>
            <numerusform>It is deleted with its quote.</numerusform>
            <numerusform>It is deleted with its %Ln quotes.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n page(s)</source>
        <translation>
            <numerusform>%n page</numerusform>
            <numerusform>%n pages</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{shown} of %n event(s)</source>
        <translation>
            <numerusform>{shown} of %n event</numerusform>
            <numerusform>{shown} of %n events</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported {shown} of %n event(s) to {path} ({pages})</source>
        <translation>
            <numerusform>Exported {shown} of %n event to {path} ({pages})</numerusform>
            <numerusform>Exported {shown} of %n events to {path} ({pages})</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n independent source(s)</source>
        <translation>
            <numerusform>%n independent source</numerusform>
            <numerusform>%n independent sources</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n independent source(s) of the {cited} cited</source>
        <translation>
            <numerusform>%n independent source of the {cited} cited</numerusform>
            <numerusform>%n independent sources of the {cited} cited</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FilterPanel</name>
    <message numerus="yes">
        <source>%n event(s)</source>
        <translation>
            <numerusform>%n event</numerusform>
            <numerusform>%n events</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TimelineCanvas</name>
    <message numerus="yes">
        <source>%n event(s) without a label here: click to zoom in</source>
        <translation>
            <numerusform>%n event without a label here: click to zoom in</numerusform>
            <numerusform>%n events without a label here: click to zoom in</numerusform>
        </translation>
    </message>
</context>
</TS>
