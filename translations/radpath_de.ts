<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>AiModule</name>
    <message>
        <source>The AI module (%1) was not found in: %2</source>
        <translation>Das KI-Modul (%1) wurde nicht gefunden in: %2</translation>
    </message>
    <message>
        <source>The AI module could not be loaded: %1</source>
        <translation>Das KI-Modul konnte nicht geladen werden: %1</translation>
    </message>
    <message>
        <source>%1 is not a RadPath AI module</source>
        <translation>%1 ist kein KI-Modul für RadPath</translation>
    </message>
    <message>
        <source>%1 has interface version %2, this RadPath needs %3</source>
        <translation>%1 hat die Schnittstellenversion %2, diese RadPath-Version benötigt %3</translation>
    </message>
    <message>
        <source>The AI engine failed to start</source>
        <translation>Die KI-Engine konnte nicht gestartet werden</translation>
    </message>
</context>
<context>
    <name>AnnotationEditor</name>
    <message>
        <source>Ruler</source>
        <translation>Lineal</translation>
    </message>
    <message>
        <source>%1 µm</source>
        <translation>%1 µm</translation>
    </message>
    <message>
        <source>%1 px</source>
        <translation>%1 px</translation>
    </message>
</context>
<context>
    <name>BuildInfo</name>
    <message numerus="yes">
        <source>available (%n device(s))</source>
        <translation>
            <numerusform>verfügbar (%n Gerät)</numerusform>
            <numerusform>verfügbar (%n Geräte)</numerusform>
        </translation>
    </message>
    <message>
        <source>not available</source>
        <translation>nicht verfügbar</translation>
    </message>
    <message>
        <source>unavailable: %1</source>
        <translation>nicht verfügbar: %1</translation>
    </message>
    <message>
        <source>not loaded (loads when AI is first used)</source>
        <translation>nicht geladen (wird bei der ersten KI-Nutzung geladen)</translation>
    </message>
</context>
<context>
    <name>MeasurementEditor</name>
    <message>
        <source>%1 mm</source>
        <translation>%1 mm</translation>
    </message>
    <message>
        <source>%1°</source>
        <translation>%1°</translation>
    </message>
    <message>
        <source>%1 mm²
Mean %2 ± %3 %4
Min %5  Max %6</source>
        <translation>%1 mm²
Mittel %2 ± %3 %4
Min %5  Max %6</translation>
    </message>
    <message>
        <source>%1 mm²</source>
        <translation>%1 mm²</translation>
    </message>
</context>
<context>
    <name>TransferFunctionPresets</name>
    <message>
        <source>CT bone</source>
        <translation>CT Knochen</translation>
    </message>
    <message>
        <source>CT soft tissue</source>
        <translation>CT Weichteil</translation>
    </message>
    <message>
        <source>CT lung</source>
        <translation>CT Lunge</translation>
    </message>
    <message>
        <source>CT angiography</source>
        <translation>CT-Angiographie</translation>
    </message>
    <message>
        <source>MIP</source>
        <translation>MIP</translation>
    </message>
    <message>
        <source>MR default</source>
        <translation>MR Standard</translation>
    </message>
</context>
<context>
    <name>radpath::app::AboutDialog</name>
    <message>
        <source>About RadPath</source>
        <translation>Über RadPath</translation>
    </message>
    <message>
        <source>&lt;h2&gt;RadPath %1&lt;/h2&gt;&lt;p&gt;Radiology and pathology viewer with an AI engine.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Models shipped with RadPath are demonstrations, not for clinical use.&lt;/b&gt;&lt;/p&gt;</source>
        <translation>&lt;h2&gt;RadPath %1&lt;/h2&gt;&lt;p&gt;Radiologie- und Pathologie-Viewer mit KI-Engine.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Die mit RadPath ausgelieferten Modelle dienen nur der Demonstration und sind nicht für den klinischen Einsatz bestimmt.&lt;/b&gt;&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Library</source>
        <translation>Bibliothek</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Load AI engine to show LibTorch and CUDA</source>
        <translation>KI-Engine laden, um LibTorch und CUDA anzuzeigen</translation>
    </message>
    <message>
        <source>Loading the AI engine…</source>
        <translation>KI-Engine wird geladen…</translation>
    </message>
    <message>
        <source>AI engine loaded</source>
        <translation>KI-Engine geladen</translation>
    </message>
    <message>
        <source>AI engine unavailable</source>
        <translation>KI-Engine nicht verfügbar</translation>
    </message>
</context>
<context>
    <name>radpath::app::AiDock</name>
    <message>
        <source>AI</source>
        <translation>KI</translation>
    </message>
    <message>
        <source>Check AI engine</source>
        <translation>KI-Engine prüfen</translation>
    </message>
    <message>
        <source>Loading the AI engine…</source>
        <translation>KI-Engine wird geladen…</translation>
    </message>
    <message>
        <source>Checking the AI engine</source>
        <translation>KI-Engine wird geprüft</translation>
    </message>
    <message>
        <source>loading LibTorch</source>
        <translation>LibTorch wird geladen</translation>
    </message>
    <message>
        <source>testing the device</source>
        <translation>Gerät wird getestet</translation>
    </message>
    <message>
        <source>LibTorch %1, CUDA %2, %3 threads.
Device %4: %5 (%6)</source>
        <translation>LibTorch %1, CUDA %2, %3 Threads.
Gerät %4: %5 (%6)</translation>
    </message>
    <message>
        <source>available</source>
        <translation>verfügbar</translation>
    </message>
    <message>
        <source>not available</source>
        <translation>nicht verfügbar</translation>
    </message>
    <message>
        <source>works</source>
        <translation>funktioniert</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <source>The AI engine is unavailable: %1</source>
        <translation>Die KI-Engine ist nicht verfügbar: %1</translation>
    </message>
    <message>
        <source>classification</source>
        <translation>Klassifikation</translation>
    </message>
    <message>
        <source>segmentation</source>
        <translation>Segmentierung</translation>
    </message>
    <message>
        <source>tile classification</source>
        <translation>Kachelklassifikation</translation>
    </message>
    <message>
        <source>%1 %2 (weights %3…) on %4 in %5 s</source>
        <translation>%1 %2 (Gewichte %3…) auf %4 in %5 s</translation>
    </message>
    <message>
        <source>Models shipped with RadPath are demonstrations, not for clinical use.</source>
        <translation>Die mit RadPath ausgelieferten Modelle dienen nur der Demonstration und sind nicht für den klinischen Einsatz bestimmt.</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>Aufgabe</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Ausführen</translation>
    </message>
    <message>
        <source>Grad-CAM</source>
        <translation>Grad-CAM</translation>
    </message>
    <message>
        <source>Gradient</source>
        <translation>Gradient</translation>
    </message>
    <message>
        <source>SmoothGrad</source>
        <translation>SmoothGrad</translation>
    </message>
    <message>
        <source>Occlusion</source>
        <translation>Okklusion</translation>
    </message>
    <message>
        <source>Explain</source>
        <translation>Erklären</translation>
    </message>
    <message>
        <source>Finding</source>
        <translation>Befund</translation>
    </message>
    <message>
        <source>Probability</source>
        <translation>Wahrscheinlichkeit</translation>
    </message>
    <message>
        <source>Heat map</source>
        <translation>Heatmap</translation>
    </message>
    <message>
        <source>(demonstration)</source>
        <translation>(Demonstration)</translation>
    </message>
    <message>
        <source>%1, version %2
%3
%4</source>
        <translation>%1, Version %2
%3
%4</translation>
    </message>
    <message numerus="yes">
        <source>%n model(s) in the library. Models shipped with RadPath are demonstrations, not for clinical use.</source>
        <translation>
            <numerusform>%n Modell in der Bibliothek. Die mit RadPath ausgelieferten Modelle dienen nur der Demonstration und sind nicht für den klinischen Einsatz bestimmt.</numerusform>
            <numerusform>%n Modelle in der Bibliothek. Die mit RadPath ausgelieferten Modelle dienen nur der Demonstration und sind nicht für den klinischen Einsatz bestimmt.</numerusform>
        </translation>
    </message>
    <message>
        <source>Not usable: %1</source>
        <translation>Nicht verwendbar: %1</translation>
    </message>
    <message>
        <source>Running %1</source>
        <translation>%1 wird ausgeführt</translation>
    </message>
    <message>
        <source>The model did not run: %1</source>
        <translation>Das Modell lief nicht: %1</translation>
    </message>
    <message>
        <source>%1 tiles</source>
        <translation>%1-Kacheln</translation>
    </message>
    <message>
        <source>%1 tiles classified</source>
        <translation>%1 Kacheln klassifiziert</translation>
    </message>
    <message>
        <source>%1 tiles could not be read and were skipped</source>
        <translation>%1 Kacheln waren nicht lesbar und wurden übersprungen</translation>
    </message>
    <message>
        <source>Explaining with %1</source>
        <translation>Erklärung mit %1</translation>
    </message>
    <message>
        <source>No saliency map: %1</source>
        <translation>Keine Salienzkarte: %1</translation>
    </message>
    <message>
        <source>Adds a saliency map of the selected model as a layer</source>
        <translation>Fügt eine Salienzkarte des gewählten Modells als Ebene hinzu</translation>
    </message>
    <message>
        <source>Volume (mL)</source>
        <translation>Volumen (mL)</translation>
    </message>
</context>
<context>
    <name>radpath::app::DataBrowserDock</name>
    <message>
        <source>Data</source>
        <translation>Daten</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Geöffnet</translation>
    </message>
    <message>
        <source>Recent</source>
        <translation>Zuletzt verwendet</translation>
    </message>
</context>
<context>
    <name>radpath::app::DocumentController</name>
    <message>
        <source>The file or folder does not exist.</source>
        <translation>Die Datei bzw. der Ordner existiert nicht.</translation>
    </message>
    <message>
        <source>RadPath has no permission to read it.</source>
        <translation>RadPath hat keine Leseberechtigung dafür.</translation>
    </message>
    <message>
        <source>The folder holds no image RadPath can read.</source>
        <translation>Der Ordner enthält kein Bild, das RadPath lesen kann.</translation>
    </message>
    <message>
        <source>This is not an image format RadPath can read.</source>
        <translation>Dies ist kein Bildformat, das RadPath lesen kann.</translation>
    </message>
    <message>
        <source>Opening %1</source>
        <translation>%1 wird geöffnet</translation>
    </message>
</context>
<context>
    <name>radpath::app::JobRunner</name>
    <message>
        <source>Queued</source>
        <translation>In Warteschlange</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>Läuft</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Fertig</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
</context>
<context>
    <name>radpath::app::JobStatusWidget</name>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Cancel this job</source>
        <translation>Diesen Auftrag abbrechen</translation>
    </message>
</context>
<context>
    <name>radpath::app::JobsDock</name>
    <message>
        <source>Jobs</source>
        <translation>Aufträge</translation>
    </message>
    <message>
        <source>Job</source>
        <translation>Auftrag</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Fortschritt</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Cancel selected</source>
        <translation>Ausgewählte abbrechen</translation>
    </message>
</context>
<context>
    <name>radpath::app::LayerLoader</name>
    <message>
        <source>Opening label map %1</source>
        <translation>Labelkarte %1 wird geöffnet</translation>
    </message>
    <message>
        <source>Opening overlay %1</source>
        <translation>Overlay %1 wird geöffnet</translation>
    </message>
</context>
<context>
    <name>radpath::app::LayersDock</name>
    <message>
        <source>Layers</source>
        <translation>Ebenen</translation>
    </message>
    <message>
        <source>Layer</source>
        <translation>Ebene</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Opacity of the selected layer</source>
        <translation>Deckkraft der ausgewählten Ebene</translation>
    </message>
    <message>
        <source>Move the layer up (drawn over the layers below)</source>
        <translation>Ebene nach oben (über die Ebenen darunter gezeichnet)</translation>
    </message>
    <message>
        <source>Move the layer down</source>
        <translation>Ebene nach unten</translation>
    </message>
    <message>
        <source>Remove the layer</source>
        <translation>Ebene entfernen</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Label map</source>
        <translation>Labelkarte</translation>
    </message>
    <message>
        <source>Fill</source>
        <translation>Füllung</translation>
    </message>
    <message>
        <source>Outline</source>
        <translation>Umriss</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Shown</source>
        <translation>Sichtbar</translation>
    </message>
    <message>
        <source>Double-click a colour to change it</source>
        <translation>Doppelklick auf eine Farbe ändert sie</translation>
    </message>
    <message>
        <source>Overlay</source>
        <translation>Overlay</translation>
    </message>
    <message>
        <source>Grey</source>
        <translation>Grau</translation>
    </message>
    <message>
        <source>Hot</source>
        <translation>Hot</translation>
    </message>
    <message>
        <source>Jet</source>
        <translation>Jet</translation>
    </message>
    <message>
        <source>Viridis</source>
        <translation>Viridis</translation>
    </message>
    <message>
        <source>Values below the threshold are not drawn</source>
        <translation>Werte unter der Schwelle werden nicht gezeichnet</translation>
    </message>
    <message>
        <source>Colormap</source>
        <translation>Farbskala</translation>
    </message>
    <message>
        <source>Window center</source>
        <translation>Fensterzentrum</translation>
    </message>
    <message>
        <source>Window width</source>
        <translation>Fensterbreite</translation>
    </message>
    <message>
        <source>Threshold</source>
        <translation>Schwelle</translation>
    </message>
    <message>
        <source>Opacity</source>
        <translation>Deckkraft</translation>
    </message>
    <message>
        <source>Colour of %1</source>
        <translation>Farbe von %1</translation>
    </message>
    <message>
        <source>Opacity %</source>
        <translation>Deckkraft %</translation>
    </message>
</context>
<context>
    <name>radpath::app::MainWindow</name>
    <message>
        <source>RadPath</source>
        <translation>RadPath</translation>
    </message>
    <message>
        <source>Open a DICOM folder, a file, or drop one here.</source>
        <translation>Öffnen Sie einen DICOM-Ordner oder eine Datei oder ziehen Sie sie hierher.</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Open File…</source>
        <translation>Datei ö&amp;ffnen…</translation>
    </message>
    <message>
        <source>Open file</source>
        <translation>Datei öffnen</translation>
    </message>
    <message>
        <source>Open &amp;Folder…</source>
        <translation>&amp;Ordner öffnen…</translation>
    </message>
    <message>
        <source>Open folder</source>
        <translation>Ordner öffnen</translation>
    </message>
    <message>
        <source>Ctrl+Shift+O</source>
        <translation>Ctrl+Shift+O</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>&amp;Zuletzt geöffnet</translation>
    </message>
    <message>
        <source>&amp;Close Tab</source>
        <translation>Tab &amp;schließen</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>&amp;Werkzeuge</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Einstellungen…</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;About RadPath</source>
        <translation>Ü&amp;ber RadPath</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>Haupt-Werkzeugleiste</translation>
    </message>
    <message>
        <source>Opened %1</source>
        <translation>%1 geöffnet</translation>
    </message>
    <message>
        <source>Cannot open %1
%2</source>
        <translation>%1 kann nicht geöffnet werden
%2</translation>
    </message>
    <message>
        <source>Cannot open %1</source>
        <translation>%1 kann nicht geöffnet werden</translation>
    </message>
    <message>
        <source>Cannot open</source>
        <translation>Öffnen nicht möglich</translation>
    </message>
    <message>
        <source>&amp;Import DICOM Folder…</source>
        <translation>DICOM-Ordner &amp;importieren…</translation>
    </message>
    <message>
        <source>Import DICOM folder</source>
        <translation>DICOM-Ordner importieren</translation>
    </message>
    <message>
        <source>DICOM &amp;Tags…</source>
        <translation>DICOM-&amp;Tags…</translation>
    </message>
    <message>
        <source>DICOM file</source>
        <translation>DICOM-Datei</translation>
    </message>
    <message>
        <source>&amp;Layout</source>
        <translation>&amp;Layout</translation>
    </message>
    <message>
        <source>1 × 1 (one series per tab)</source>
        <translation>1 × 1 (eine Serie je Tab)</translation>
    </message>
    <message>
        <source>1 × 2 side by side</source>
        <translation>1 × 2 nebeneinander</translation>
    </message>
    <message>
        <source>2 × 2 side by side</source>
        <translation>2 × 2 nebeneinander</translation>
    </message>
    <message>
        <source>Side by side</source>
        <translation>Nebeneinander</translation>
    </message>
    <message>
        <source>Open &amp;Label Map…</source>
        <translation>&amp;Labelkarte öffnen…</translation>
    </message>
    <message>
        <source>Open label map</source>
        <translation>Labelkarte öffnen</translation>
    </message>
    <message>
        <source>Label maps (*.nii *.nii.gz *.nrrd *.nhdr *.mha *.mhd)</source>
        <translation>Labelkarten (*.nii *.nii.gz *.nrrd *.nhdr *.mha *.mhd)</translation>
    </message>
    <message>
        <source>Open O&amp;verlay…</source>
        <translation>O&amp;verlay öffnen…</translation>
    </message>
    <message>
        <source>Open overlay or second volume</source>
        <translation>Overlay oder zweites Volumen öffnen</translation>
    </message>
    <message>
        <source>Volumes (*.nii *.nii.gz *.nrrd *.nhdr *.mha *.mhd)</source>
        <translation>Volumen (*.nii *.nii.gz *.nrrd *.nhdr *.mha *.mhd)</translation>
    </message>
    <message>
        <source>Open an image first: label maps and overlays are drawn over it.</source>
        <translation>Zuerst ein Bild öffnen: Labelkarten und Overlays werden darüber gezeichnet.</translation>
    </message>
</context>
<context>
    <name>radpath::app::MeasurementStore</name>
    <message>
        <source>The saved measurements of %1 cannot be read: %2</source>
        <translation>Die gespeicherten Messungen von %1 können nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>The measurements of %1 cannot be saved: %2</source>
        <translation>Die Messungen von %1 können nicht gespeichert werden: %2</translation>
    </message>
</context>
<context>
    <name>radpath::app::MeasurementsDock</name>
    <message>
        <source>Measurements</source>
        <translation>Messungen</translation>
    </message>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Slice</source>
        <translation>Schicht</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>Als CSV exportieren…</translation>
    </message>
    <message>
        <source>Export measurements</source>
        <translation>Messungen exportieren</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>Cannot write %1
%2</source>
        <translation>%1 kann nicht geschrieben werden
%2</translation>
    </message>
    <message>
        <source>Length</source>
        <translation>Länge</translation>
    </message>
    <message>
        <source>%1 mm</source>
        <translation>%1 mm</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>Angle</source>
        <translation>Winkel</translation>
    </message>
    <message>
        <source>Rectangle</source>
        <translation>Rechteck</translation>
    </message>
    <message>
        <source>Ellipse</source>
        <translation>Ellipse</translation>
    </message>
    <message>
        <source>Polygon</source>
        <translation>Polygon</translation>
    </message>
    <message>
        <source>%1°</source>
        <translation>%1°</translation>
    </message>
    <message>
        <source>%1 mm²</source>
        <translation>%1 mm²</translation>
    </message>
    <message>
        <source>Mean</source>
        <translation>Mittel</translation>
    </message>
    <message>
        <source>Mean (%1)</source>
        <translation>Mittel (%1)</translation>
    </message>
    <message>
        <source>SD</source>
        <translation>SD</translation>
    </message>
    <message>
        <source>Min</source>
        <translation>Min</translation>
    </message>
    <message>
        <source>Max</source>
        <translation>Max</translation>
    </message>
</context>
<context>
    <name>radpath::app::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source> MB</source>
        <translation> MB</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>CUDA GPU</source>
        <translation>CUDA-GPU</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>Systemstandard</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Hell</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Dunkel</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <source>Data folder</source>
        <translation>Datenordner</translation>
    </message>
    <message>
        <source>Slide tile cache</source>
        <translation>Kachel-Cache für Objektträger</translation>
    </message>
    <message>
        <source>Worker threads</source>
        <translation>Arbeits-Threads</translation>
    </message>
    <message>
        <source>AI device</source>
        <translation>KI-Gerät</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>Design</translation>
    </message>
    <message>
        <source>Language and data folder changes take effect at the next start.</source>
        <translation>Änderungen an Sprache und Datenordner werden beim nächsten Start wirksam.</translation>
    </message>
</context>
<context>
    <name>radpath::app::StudyBrowserDock</name>
    <message>
        <source>Studies</source>
        <translation>Studien</translation>
    </message>
    <message>
        <source>Search name, ID, date, modality</source>
        <translation>Name, ID, Datum, Modalität suchen</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>Importieren…</translation>
    </message>
    <message>
        <source>Add the DICOM files of a folder to the study database</source>
        <translation>Die DICOM-Dateien eines Ordners in die Studiendatenbank aufnehmen</translation>
    </message>
    <message>
        <source>Patient / series</source>
        <translation>Patient / Serie</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
    <message>
        <source>Images</source>
        <translation>Bilder</translation>
    </message>
    <message>
        <source>Import DICOM folder</source>
        <translation>DICOM-Ordner importieren</translation>
    </message>
    <message>
        <source>Importing %1</source>
        <translation>%1 wird importiert</translation>
    </message>
    <message>
        <source>Double-click to open</source>
        <translation>Zum Öffnen doppelklicken</translation>
    </message>
    <message>
        <source>The study database cannot be read: %1</source>
        <translation>Die Studiendatenbank kann nicht gelesen werden: %1</translation>
    </message>
</context>
<context>
    <name>radpath::app::TagBrowserDialog</name>
    <message>
        <source>DICOM tags - %1</source>
        <translation>DICOM-Tags – %1</translation>
    </message>
    <message>
        <source>Filter by tag, keyword or value, e.g. 0010 or PatientName</source>
        <translation>Nach Tag, Schlüsselwort oder Wert filtern, z. B. 0010 oder PatientName</translation>
    </message>
    <message>
        <source>Copy value</source>
        <translation>Wert kopieren</translation>
    </message>
    <message>
        <source>Tag</source>
        <translation>Tag</translation>
    </message>
    <message>
        <source>Keyword</source>
        <translation>Schlüsselwort</translation>
    </message>
    <message>
        <source>VR</source>
        <translation>VR</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
</context>
<context>
    <name>radpath::pathology::AnnotationPanel</name>
    <message>
        <source>Unclassified</source>
        <translation>Nicht klassifiziert</translation>
    </message>
    <message>
        <source>Filter by class or name</source>
        <translation>Nach Klasse oder Name filtern</translation>
    </message>
    <message>
        <source>Set class</source>
        <translation>Klasse setzen</translation>
    </message>
    <message>
        <source>Give the selected annotation the class above</source>
        <translation>Der ausgewählten Annotation die Klasse oben geben</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>Lock</source>
        <translation>Sperren</translation>
    </message>
    <message>
        <source>Lock or unlock the selected annotation (L)</source>
        <translation>Ausgewählte Annotation sperren oder entsperren (L)</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>Als CSV exportieren…</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>Klasse</translation>
    </message>
    <message>
        <source>Export annotations</source>
        <translation>Annotationen exportieren</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>Cannot write %1
%2</source>
        <translation>%1 kann nicht geschrieben werden
%2</translation>
    </message>
    <message>
        <source>µm²</source>
        <translation>µm²</translation>
    </message>
    <message>
        <source>px²</source>
        <translation>px²</translation>
    </message>
    <message>
        <source>µm</source>
        <translation>µm</translation>
    </message>
    <message>
        <source>px</source>
        <translation>px</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Area (%1)</source>
        <translation>Fläche (%1)</translation>
    </message>
    <message>
        <source>Perimeter (%1)</source>
        <translation>Umfang (%1)</translation>
    </message>
    <message>
        <source>%1: %2, %3 %4</source>
        <translation>%1: %2, %3 %4</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>Importieren…</translation>
    </message>
    <message>
        <source>Add the annotations of a QuPath GeoJSON or ASAP XML file</source>
        <translation>Die Annotationen einer QuPath-GeoJSON- oder ASAP-XML-Datei hinzufügen</translation>
    </message>
    <message>
        <source>Save as…</source>
        <translation>Speichern unter…</translation>
    </message>
    <message>
        <source>Write the annotations as QuPath GeoJSON or ASAP XML</source>
        <translation>Die Annotationen als QuPath-GeoJSON oder ASAP-XML schreiben</translation>
    </message>
    <message>
        <source>Import annotations</source>
        <translation>Annotationen importieren</translation>
    </message>
    <message>
        <source>Annotations (*.geojson *.json *.xml)</source>
        <translation>Annotationen (*.geojson *.json *.xml)</translation>
    </message>
    <message>
        <source>Save annotations</source>
        <translation>Annotationen speichern</translation>
    </message>
    <message>
        <source>QuPath GeoJSON (*.geojson);;ASAP XML (*.xml)</source>
        <translation>QuPath-GeoJSON (*.geojson);;ASAP-XML (*.xml)</translation>
    </message>
    <message>
        <source>Classes…</source>
        <translation>Klassen…</translation>
    </message>
    <message>
        <source>Add, rename, recolour or remove classes</source>
        <translation>Klassen hinzufügen, umbenennen, umfärben oder entfernen</translation>
    </message>
    <message>
        <source>Classes</source>
        <translation>Klassen</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Hinzufügen</translation>
    </message>
    <message>
        <source>Colour…</source>
        <translation>Farbe…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Defaults</source>
        <translation>Standard</translation>
    </message>
    <message>
        <source>New class</source>
        <translation>Neue Klasse</translation>
    </message>
    <message>
        <source>New class %1</source>
        <translation>Neue Klasse %1</translation>
    </message>
    <message>
        <source>Classes not saved: %1</source>
        <translation>Klassen nicht gespeichert: %1</translation>
    </message>
    <message>
        <source>Classes not read: %1</source>
        <translation>Klassen nicht gelesen: %1</translation>
    </message>
</context>
<context>
    <name>radpath::pathology::SlideDocumentView</name>
    <message>
        <source>Fit</source>
        <translation>Einpassen</translation>
    </message>
    <message>
        <source>%1×</source>
        <translation>%1×</translation>
    </message>
    <message>
        <source>Rotate 90°</source>
        <translation>90° drehen</translation>
    </message>
    <message>
        <source>Turn the slide a quarter turn clockwise (R)</source>
        <translation>Den Objektträger um eine Vierteldrehung im Uhrzeigersinn drehen (R)</translation>
    </message>
    <message>
        <source>Slide info</source>
        <translation>Objektträger-Info</translation>
    </message>
    <message>
        <source>Annotations</source>
        <translation>Annotationen</translation>
    </message>
    <message>
        <source>Select</source>
        <translation>Auswählen</translation>
    </message>
    <message>
        <source>Pick, move and delete annotations; drag elsewhere to pan</source>
        <translation>Annotationen auswählen, verschieben und löschen; anderswo ziehen verschiebt die Ansicht</translation>
    </message>
    <message>
        <source>Rectangle</source>
        <translation>Rechteck</translation>
    </message>
    <message>
        <source>Drag a rectangle</source>
        <translation>Ein Rechteck aufziehen</translation>
    </message>
    <message>
        <source>Ellipse</source>
        <translation>Ellipse</translation>
    </message>
    <message>
        <source>Drag an ellipse</source>
        <translation>Eine Ellipse aufziehen</translation>
    </message>
    <message>
        <source>Polygon</source>
        <translation>Polygon</translation>
    </message>
    <message>
        <source>Click the corners; double-click or Enter closes</source>
        <translation>Ecken klicken; Doppelklick oder Eingabetaste schließt</translation>
    </message>
    <message>
        <source>Freehand</source>
        <translation>Freihand</translation>
    </message>
    <message>
        <source>Draw the outline with the button held</source>
        <translation>Umriss mit gedrückter Taste zeichnen</translation>
    </message>
    <message>
        <source>Brush</source>
        <translation>Pinsel</translation>
    </message>
    <message>
        <source>Paint a region, or grow the selected one; Alt erases</source>
        <translation>Region malen oder die ausgewählte vergrößern; Alt radiert</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>Punkte</translation>
    </message>
    <message>
        <source>Click to place points</source>
        <translation>Klicken, um Punkte zu setzen</translation>
    </message>
    <message>
        <source>Ruler</source>
        <translation>Lineal</translation>
    </message>
    <message>
        <source>Drag to measure a distance in µm</source>
        <translation>Ziehen, um eine Strecke in µm zu messen</translation>
    </message>
    <message>
        <source>Magnification</source>
        <translation>Vergrößerung</translation>
    </message>
    <message>
        <source>Annotations not saved: %1</source>
        <translation>Annotationen nicht gespeichert: %1</translation>
    </message>
    <message>
        <source>Vendor</source>
        <translation>Hersteller</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>%1 × %2 px</source>
        <translation>%1 × %2 px</translation>
    </message>
    <message>
        <source>Levels</source>
        <translation>Ebenen</translation>
    </message>
    <message>
        <source>Pixel size</source>
        <translation>Pixelgröße</translation>
    </message>
    <message>
        <source>%1 × %2 µm</source>
        <translation>%1 × %2 µm</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>Objective</source>
        <translation>Objektiv</translation>
    </message>
    <message>
        <source>Bounds</source>
        <translation>Bereich</translation>
    </message>
    <message>
        <source>Display</source>
        <translation>Darstellung</translation>
    </message>
    <message>
        <source>Compare with…</source>
        <translation>Vergleichen mit…</translation>
    </message>
    <message>
        <source>Show a second slide beside this one</source>
        <translation>Einen zweiten Objektträger daneben zeigen</translation>
    </message>
    <message>
        <source>Linked</source>
        <translation>Gekoppelt</translation>
    </message>
    <message>
        <source>Both slides pan, zoom and turn together</source>
        <translation>Beide Objektträger werden gemeinsam verschoben, gezoomt und gedreht</translation>
    </message>
    <message>
        <source>Compare with slide</source>
        <translation>Mit Objektträger vergleichen</translation>
    </message>
    <message>
        <source>Some tiles cannot be read: %1</source>
        <translation>Einige Kacheln können nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>Colour (all stains)</source>
        <translation>Farbe (alle Färbungen)</translation>
    </message>
    <message>
        <source>Hematoxylin (H&amp;E)</source>
        <translation>Hämatoxylin (H&amp;E)</translation>
    </message>
    <message>
        <source>Eosin (H&amp;E)</source>
        <translation>Eosin (H&amp;E)</translation>
    </message>
    <message>
        <source>Hematoxylin (H-DAB)</source>
        <translation>Hämatoxylin (H-DAB)</translation>
    </message>
    <message>
        <source>DAB (H-DAB)</source>
        <translation>DAB (H-DAB)</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>Zurücksetzen</translation>
    </message>
    <message>
        <source>Brightness</source>
        <translation>Helligkeit</translation>
    </message>
    <message>
        <source>Contrast</source>
        <translation>Kontrast</translation>
    </message>
    <message>
        <source>Gamma</source>
        <translation>Gamma</translation>
    </message>
    <message>
        <source>Stain</source>
        <translation>Färbung</translation>
    </message>
    <message>
        <source>Annotations not loaded, and new ones not saved over them: %1</source>
        <translation>Annotationen nicht geladen; neue werden nicht darüber gespeichert: %1</translation>
    </message>
</context>
<context>
    <name>radpath::pathology::SlideView</name>
    <message>
        <source>%1 mm</source>
        <translation>%1 mm</translation>
    </message>
    <message>
        <source>%1 µm</source>
        <translation>%1 µm</translation>
    </message>
    <message>
        <source>%1×</source>
        <translation>%1×</translation>
    </message>
</context>
<context>
    <name>radpath::viewer::CropBoxPanel</name>
    <message>
        <source>Right → Left</source>
        <translation>Rechts → Links</translation>
    </message>
    <message>
        <source>Left → Right</source>
        <translation>Links → Rechts</translation>
    </message>
    <message>
        <source>Anterior → Posterior</source>
        <translation>Anterior → Posterior</translation>
    </message>
    <message>
        <source>Posterior → Anterior</source>
        <translation>Posterior → Anterior</translation>
    </message>
    <message>
        <source>Inferior → Superior</source>
        <translation>Inferior → Superior</translation>
    </message>
    <message>
        <source>Superior → Inferior</source>
        <translation>Superior → Inferior</translation>
    </message>
    <message>
        <source>Last slice kept along this axis</source>
        <translation>Letzte behaltene Schicht entlang dieser Achse</translation>
    </message>
    <message>
        <source>First slice kept along this axis</source>
        <translation>Erste behaltene Schicht entlang dieser Achse</translation>
    </message>
</context>
<context>
    <name>radpath::viewer::SliceGrid</name>
    <message>
        <source>(none)</source>
        <translation>(keine)</translation>
    </message>
</context>
<context>
    <name>radpath::viewer::SliceView</name>
    <message>
        <source>CT brain</source>
        <translation>CT Gehirn</translation>
    </message>
    <message>
        <source>CT subdural</source>
        <translation>CT subdural</translation>
    </message>
    <message>
        <source>CT stroke</source>
        <translation>CT Schlaganfall</translation>
    </message>
    <message>
        <source>CT lung</source>
        <translation>CT Lunge</translation>
    </message>
    <message>
        <source>CT mediastinum</source>
        <translation>CT Mediastinum</translation>
    </message>
    <message>
        <source>CT bone</source>
        <translation>CT Knochen</translation>
    </message>
    <message>
        <source>CT abdomen</source>
        <translation>CT Abdomen</translation>
    </message>
    <message>
        <source>CT liver</source>
        <translation>CT Leber</translation>
    </message>
    <message>
        <source>Full range</source>
        <translation>Gesamter Bereich</translation>
    </message>
    <message>
        <source>Im %1/%2</source>
        <translation>Bild %1/%2</translation>
    </message>
    <message>
        <source>Pos %1 mm</source>
        <translation>Pos %1 mm</translation>
    </message>
    <message>
        <source>%1 mm</source>
        <translation>%1 mm</translation>
    </message>
    <message>
        <source>VOI LUT %1</source>
        <translation>VOI-LUT %1</translation>
    </message>
    <message>
        <source>W %1 L %2</source>
        <translation>W %1 L %2</translation>
    </message>
    <message>
        <source>Zoom %1 %</source>
        <translation>Zoom %1 %</translation>
    </message>
    <message>
        <source>Loading the series…</source>
        <translation>Serie wird geladen…</translation>
    </message>
    <message>
        <source>(padding)</source>
        <translation>(Auffüllung)</translation>
    </message>
    <message>
        <source>MIP</source>
        <translation>MIP</translation>
    </message>
    <message>
        <source>MinIP</source>
        <translation>MinIP</translation>
    </message>
    <message>
        <source>Mean</source>
        <translation>Mittel</translation>
    </message>
    <message>
        <source>%1 slab %2 mm</source>
        <translation>%1-Schicht %2 mm</translation>
    </message>
</context>
<context>
    <name>radpath::viewer::TransferFunctionEditor</name>
    <message>
        <source>Drag a point to move it, click to add one, right-click or double-click to remove it.
Double-click the colour bar to choose a colour. The wheel zooms the values.</source>
        <translation>Punkt ziehen verschiebt ihn, Klick fügt einen hinzu, Rechts- oder Doppelklick entfernt ihn.
Doppelklick auf den Farbbalken wählt eine Farbe. Das Mausrad zoomt die Werte.</translation>
    </message>
    <message>
        <source>Colour of the transfer function</source>
        <translation>Farbe der Transferfunktion</translation>
    </message>
</context>
<context>
    <name>radpath::viewer::VolumeRenderView</name>
    <message>
        <source>Transfer function preset</source>
        <translation>Voreinstellung der Transferfunktion</translation>
    </message>
    <message>
        <source>Shading</source>
        <translation>Schattierung</translation>
    </message>
    <message>
        <source>Light the volume by its gradients</source>
        <translation>Volumen anhand seiner Gradienten beleuchten</translation>
    </message>
    <message>
        <source>Crop</source>
        <translation>Zuschneiden</translation>
    </message>
    <message>
        <source>Show only a box of the volume</source>
        <translation>Nur einen Quader des Volumens zeigen</translation>
    </message>
    <message>
        <source>A</source>
        <translation>A</translation>
    </message>
    <message>
        <source>View from the front (anterior)</source>
        <translation>Ansicht von vorn (anterior)</translation>
    </message>
    <message>
        <source>P</source>
        <translation>P</translation>
    </message>
    <message>
        <source>View from the back (posterior)</source>
        <translation>Ansicht von hinten (posterior)</translation>
    </message>
    <message>
        <source>L</source>
        <translation>L</translation>
    </message>
    <message>
        <source>View from the patient&apos;s left</source>
        <translation>Ansicht von der linken Seite des Patienten</translation>
    </message>
    <message>
        <source>R</source>
        <translation>R</translation>
    </message>
    <message>
        <source>View from the patient&apos;s right</source>
        <translation>Ansicht von der rechten Seite des Patienten</translation>
    </message>
    <message>
        <source>S</source>
        <translation>S</translation>
    </message>
    <message>
        <source>View from above the head (superior)</source>
        <translation>Ansicht von oberhalb des Kopfes (superior)</translation>
    </message>
    <message>
        <source>I</source>
        <translation>I</translation>
    </message>
    <message>
        <source>View from below the feet (inferior)</source>
        <translation>Ansicht von unterhalb der Füße (inferior)</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>Zurücksetzen</translation>
    </message>
    <message>
        <source>Front view, whole volume in sight</source>
        <translation>Vorderansicht, ganzes Volumen sichtbar</translation>
    </message>
    <message>
        <source>Transfer function</source>
        <translation>Transferfunktion</translation>
    </message>
    <message>
        <source>Show the transfer function editor under the view</source>
        <translation>Editor der Transferfunktion unter der Ansicht zeigen</translation>
    </message>
    <message>
        <source>Save screenshot…</source>
        <translation>Bildschirmfoto speichern…</translation>
    </message>
    <message>
        <source>Save the 3-D image as PNG</source>
        <translation>3-D-Bild als PNG speichern</translation>
    </message>
    <message>
        <source>Save screenshot</source>
        <translation>Bildschirmfoto speichern</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG-Bilder (*.png)</translation>
    </message>
    <message>
        <source>Could not write the screenshot to %1.</source>
        <translation>Das Bildschirmfoto konnte nicht nach %1 geschrieben werden.</translation>
    </message>
</context>
<context>
    <name>radpath::viewer::VolumeView</name>
    <message>
        <source>Slice</source>
        <translation>Schicht</translation>
    </message>
    <message>
        <source>Window</source>
        <translation>Fenster</translation>
    </message>
    <message>
        <source>Invert</source>
        <translation>Invertieren</translation>
    </message>
    <message>
        <source>Length</source>
        <translation>Länge</translation>
    </message>
    <message>
        <source>Measure a length in mm: drag with the left button</source>
        <translation>Länge in mm messen: mit der linken Maustaste ziehen</translation>
    </message>
    <message>
        <source>Cine</source>
        <translation>Cine</translation>
    </message>
    <message>
        <source>Play the slices or frames as a movie (Space)</source>
        <translation>Schichten oder Frames als Film abspielen (Leertaste)</translation>
    </message>
    <message>
        <source>Angle</source>
        <translation>Winkel</translation>
    </message>
    <message>
        <source>Measure an angle: drag the first arm to the vertex, then click the end of the second</source>
        <translation>Winkel messen: ersten Schenkel bis zum Scheitel ziehen, dann das Ende des zweiten klicken</translation>
    </message>
    <message>
        <source>Rectangle</source>
        <translation>Rechteck</translation>
    </message>
    <message>
        <source>Rectangular region: drag from corner to corner</source>
        <translation>Rechteckige Region: von Ecke zu Ecke ziehen</translation>
    </message>
    <message>
        <source>Ellipse</source>
        <translation>Ellipse</translation>
    </message>
    <message>
        <source>Elliptical region: drag across it</source>
        <translation>Elliptische Region: darüber ziehen</translation>
    </message>
    <message>
        <source>Polygon</source>
        <translation>Polygon</translation>
    </message>
    <message>
        <source>Polygonal region: click the corners, double-click or press Enter to close</source>
        <translation>Polygonale Region: Ecken klicken, mit Doppelklick oder Eingabetaste schließen</translation>
    </message>
    <message>
        <source>Resample</source>
        <translation>Neu abtasten</translation>
    </message>
    <message>
        <source>Put every slice of this gantry-tilted series at its true patient position</source>
        <translation>Jede Schicht dieser Serie mit Gantry-Neigung an ihre wahre Patientenposition setzen</translation>
    </message>
    <message>
        <source>Hide this message</source>
        <translation>Diese Meldung ausblenden</translation>
    </message>
    <message>
        <source>Resampling the slices to their true positions…</source>
        <translation>Schichten werden an ihre wahren Positionen umgerechnet…</translation>
    </message>
    <message>
        <source>Views: three planes and 3-D, three planes, one plane, or a slice beside 3-D</source>
        <translation>Ansichten: drei Ebenen und 3-D, drei Ebenen, eine Ebene oder eine Schicht neben 3-D</translation>
    </message>
    <message>
        <source>2×2</source>
        <translation>2×2</translation>
    </message>
    <message>
        <source>1×3</source>
        <translation>1×3</translation>
    </message>
    <message>
        <source>Single</source>
        <translation>Einzeln</translation>
    </message>
    <message>
        <source>Slice + 3-D</source>
        <translation>Schicht + 3-D</translation>
    </message>
    <message>
        <source>Plane of the single view: the series&apos; own slices or a patient plane</source>
        <translation>Ebene der Einzelansicht: die Schichten der Serie oder eine Patientenebene</translation>
    </message>
    <message>
        <source>Acquired</source>
        <translation>Akquiriert</translation>
    </message>
    <message>
        <source>Axial</source>
        <translation>Axial</translation>
    </message>
    <message>
        <source>Coronal</source>
        <translation>Koronal</translation>
    </message>
    <message>
        <source>Sagittal</source>
        <translation>Sagittal</translation>
    </message>
    <message>
        <source>Crosshair</source>
        <translation>Fadenkreuz</translation>
    </message>
    <message>
        <source>Show the crosshair: click or drag to move it, drag its handles to tilt the planes</source>
        <translation>Fadenkreuz zeigen: Klicken oder Ziehen verschiebt es, Ziehen an den Griffen kippt die Ebenen</translation>
    </message>
    <message>
        <source>Orthogonal</source>
        <translation>Orthogonal</translation>
    </message>
    <message>
        <source>Turn tilted planes back to axial, coronal and sagittal</source>
        <translation>Gekippte Ebenen zurück auf axial, koronal und sagittal drehen</translation>
    </message>
    <message>
        <source>Thick slab: maximum, minimum or mean intensity over the slab</source>
        <translation>Dicke Schicht: maximale, minimale oder mittlere Intensität über die Schicht</translation>
    </message>
    <message>
        <source>Thin</source>
        <translation>Dünn</translation>
    </message>
    <message>
        <source>MIP</source>
        <translation>MIP</translation>
    </message>
    <message>
        <source>MinIP</source>
        <translation>MinIP</translation>
    </message>
    <message>
        <source>Mean</source>
        <translation>Mittel</translation>
    </message>
    <message>
        <source> mm</source>
        <translation> mm</translation>
    </message>
    <message>
        <source>Screenshot</source>
        <translation>Bildschirmfoto</translation>
    </message>
    <message>
        <source>Save the view last clicked as a PNG image</source>
        <translation>Die zuletzt angeklickte Ansicht als PNG-Bild speichern</translation>
    </message>
    <message>
        <source>Save screenshot</source>
        <translation>Bildschirmfoto speichern</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG-Bilder (*.png)</translation>
    </message>
    <message>
        <source>Could not write %1.</source>
        <translation>%1 konnte nicht geschrieben werden.</translation>
    </message>
</context>
</TS>
