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
    <name>ModelInstall</name>
    <message>
        <source>%1: cannot be read (%2)</source>
        <translation>%1: kann nicht gelesen werden (%2)</translation>
    </message>
    <message>
        <source>%1: the model folder cannot be created</source>
        <translation>%1: Der Modellordner kann nicht erstellt werden</translation>
    </message>
    <message>
        <source>%1: cannot be written (%2)</source>
        <translation>%1: kann nicht geschrieben werden (%2)</translation>
    </message>
    <message>
        <source>%1: reading failed (%2)</source>
        <translation>%1: Lesen fehlgeschlagen (%2)</translation>
    </message>
    <message>
        <source>%1: writing failed (%2)</source>
        <translation>%1: Schreiben fehlgeschlagen (%2)</translation>
    </message>
</context>
<context>
    <name>PacsConnection</name>
    <message>
        <source>%1 at %2</source>
        <translation>%1 auf %2</translation>
    </message>
</context>
<context>
    <name>PacsNodeStore</name>
    <message>
        <source>Give the node a name.</source>
        <translation>Geben Sie dem Knoten einen Namen.</translation>
    </message>
    <message>
        <source>The AE title must be 1 to 16 characters, without a backslash.</source>
        <translation>Der AE-Titel muss 1 bis 16 Zeichen lang sein, ohne Backslash.</translation>
    </message>
    <message>
        <source>Enter the host name or address of the PACS.</source>
        <translation>Geben Sie den Hostnamen oder die Adresse des PACS ein.</translation>
    </message>
    <message>
        <source>The port must be between 1 and 65535.</source>
        <translation>Der Port muss zwischen 1 und 65535 liegen.</translation>
    </message>
    <message>
        <source>The base URL must be an http:// or https:// address.</source>
        <translation>Die Basis-URL muss eine http://- oder https://-Adresse sein.</translation>
    </message>
    <message>
        <source>Basic authentication needs a user name.</source>
        <translation>Die Basic-Authentifizierung braucht einen Benutzernamen.</translation>
    </message>
    <message>
        <source>RadPath&apos;s AE title must be 1 to 16 characters, without a backslash.</source>
        <translation>Der AE-Titel von RadPath muss 1 bis 16 Zeichen lang sein, ohne Backslash.</translation>
    </message>
    <message>
        <source>The storage port must be between 1 and 65535.</source>
        <translation>Der Empfangsport muss zwischen 1 und 65535 liegen.</translation>
    </message>
    <message>
        <source>A TLS client certificate needs its private key, and a key its certificate.</source>
        <translation>Ein TLS-Client-Zertifikat braucht seinen privaten Schlüssel, und ein Schlüssel sein Zertifikat.</translation>
    </message>
</context>
<context>
    <name>PacsRetrieval</name>
    <message>
        <source>cannot create the folder %1</source>
        <translation>der Ordner %1 kann nicht angelegt werden</translation>
    </message>
    <message>
        <source>cannot move %1 into %2</source>
        <translation>%1 kann nicht nach %2 verschoben werden</translation>
    </message>
    <message>
        <source>%1 of %2 instances</source>
        <translation>%1 von %2 Instanzen</translation>
    </message>
    <message>
        <source>Importing</source>
        <translation>Import</translation>
    </message>
</context>
<context>
    <name>Report</name>
    <message>
        <source>pending</source>
        <translation>ausstehend</translation>
    </message>
    <message>
        <source>accepted</source>
        <translation>angenommen</translation>
    </message>
    <message>
        <source>edited</source>
        <translation>bearbeitet</translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>abgelehnt</translation>
    </message>
    <message>
        <source>Clinician</source>
        <translation>Ärztin/Arzt</translation>
    </message>
    <message>
        <source>AI-assisted, edited</source>
        <translation>KI-gestützt, bearbeitet</translation>
    </message>
    <message>
        <source>AI</source>
        <translation>KI</translation>
    </message>
    <message>
        <source>AI results are decision support and were reviewed by the signing clinician; they are not a diagnosis.</source>
        <translation>KI-Ergebnisse dienen der Entscheidungsunterstützung und wurden von der unterzeichnenden Ärztin bzw. dem unterzeichnenden Arzt geprüft; sie sind keine Diagnose.</translation>
    </message>
    <message>
        <source>%1: cannot be written (%2)</source>
        <translation>%1: kann nicht geschrieben werden (%2)</translation>
    </message>
    <message>
        <source>%1: cannot be read (%2)</source>
        <translation>%1: kann nicht gelesen werden (%2)</translation>
    </message>
    <message>
        <source>%1: not a readable report (%2)</source>
        <translation>%1: kein lesbarer Befund (%2)</translation>
    </message>
    <message>
        <source>Pseudonym</source>
        <translation>Pseudonym</translation>
    </message>
    <message>
        <source>Study</source>
        <translation>Studie</translation>
    </message>
    <message>
        <source>Patient</source>
        <translation>Patient</translation>
    </message>
    <message>
        <source>Patient ID</source>
        <translation>Patienten-ID</translation>
    </message>
    <message>
        <source>Birth date</source>
        <translation>Geburtsdatum</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>Geschlecht</translation>
    </message>
    <message>
        <source>Study date</source>
        <translation>Studiendatum</translation>
    </message>
    <message>
        <source>Accession</source>
        <translation>Auftragsnummer</translation>
    </message>
    <message>
        <source> by %1</source>
        <translation> von %1</translation>
    </message>
    <message>
        <source> by %1, %2</source>
        <translation> von %1, %2</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>Befunde</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <source>Finding</source>
        <translation>Befund</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>Prüfung</translation>
    </message>
    <message>
        <source>Key images</source>
        <translation>Schlüsselbilder</translation>
    </message>
    <message>
        <source>Figure %1. %2</source>
        <translation>Abbildung %1. %2</translation>
    </message>
    <message>
        <source>Measurements</source>
        <translation>Messungen</translation>
    </message>
    <message>
        <source>Measurement</source>
        <translation>Messung</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Segmentation statistics</source>
        <translation>Segmentierungsstatistik</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Label</translation>
    </message>
    <message>
        <source>Volume (mL)</source>
        <translation>Volumen (mL)</translation>
    </message>
    <message>
        <source>Mean ± SD (HU)</source>
        <translation>Mittelwert ± SD (HE)</translation>
    </message>
    <message>
        <source>Slide overview</source>
        <translation>Schnittübersicht</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>Klasse</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>Anzahl</translation>
    </message>
    <message>
        <source>Area (mm²)</source>
        <translation>Fläche (mm²)</translation>
    </message>
    <message>
        <source>Sign-off</source>
        <translation>Freigabe</translation>
    </message>
    <message>
        <source>Draft: not signed.</source>
        <translation>Entwurf: nicht unterschrieben.</translation>
    </message>
    <message>
        <source>Signed by %1.</source>
        <translation>Unterschrieben von %1.</translation>
    </message>
    <message>
        <source>Signed by %1 on %2.</source>
        <translation>Unterschrieben von %1 am %2.</translation>
    </message>
    <message>
        <source>Addendum by %1</source>
        <translation>Nachtrag von %1</translation>
    </message>
    <message>
        <source>Addendum by %1, %2</source>
        <translation>Nachtrag von %1, %2</translation>
    </message>
    <message>
        <source>Report %1</source>
        <translation>Befund %1</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>Befund</translation>
    </message>
    <message>
        <source>Report (de-identified)</source>
        <translation>Befund (de-identifiziert)</translation>
    </message>
    <message>
        <source>Report text</source>
        <translation>Befundtext</translation>
    </message>
    <message>
        <source>RadPath %1 · page %2 of %3</source>
        <translation>RadPath %1 · Seite %2 von %3</translation>
    </message>
    <message>
        <source>Created %1 · RadPath %2 · page %3 of %4</source>
        <translation>Erstellt %1 · RadPath %2 · Seite %3 von %4</translation>
    </message>
    <message>
        <source>The report could not be rendered as PDF.</source>
        <translation>Der Befund konnte nicht als PDF erzeugt werden.</translation>
    </message>
    <message>
        <source>The report refers to no DICOM study.</source>
        <translation>Der Befund bezieht sich auf keine DICOM-Studie.</translation>
    </message>
    <message>
        <source>RadPath report</source>
        <translation>RadPath-Befund</translation>
    </message>
    <message>
        <source> %1 (slice %2)</source>
        <translation> %1 (Schicht %2)</translation>
    </message>
    <message>
        <source>%1 mm², %2 ± %3 (min %4, max %5)</source>
        <translation>%1 mm², %2 ± %3 (Min %4, Max %5)</translation>
    </message>
    <message>
        <source>Unclassified</source>
        <translation>Nicht klassifiziert</translation>
    </message>
    <message>
        <source>predicted class (others: %1)</source>
        <translation>vorhergesagte Klasse (weitere: %1)</translation>
    </message>
    <message>
        <source>segmented volume</source>
        <translation>segmentiertes Volumen</translation>
    </message>
    <message>
        <source>%1 of %2 tiles</source>
        <translation>%1 von %2 Kacheln</translation>
    </message>
</context>
<context>
    <name>ReportBuilder</name>
    <message>
        <source>reading the header</source>
        <translation>Header wird gelesen</translation>
    </message>
    <message>
        <source>The view when the report was started</source>
        <translation>Die Ansicht beim Beginn des Befunds</translation>
    </message>
    <message>
        <source>drawing the slide overview</source>
        <translation>Schnittübersicht wird gezeichnet</translation>
    </message>
    <message>
        <source>label statistics</source>
        <translation>Labelstatistik</translation>
    </message>
    <message>
        <source>Preparing the report</source>
        <translation>Befund wird vorbereitet</translation>
    </message>
    <message>
        <source>%1 (the model&apos;s: %2 mL)</source>
        <translation>%1 (laut Modell: %2 mL)</translation>
    </message>
</context>
<context>
    <name>TrainingPreparation</name>
    <message>
        <source>%1 file(s) could not be decoded and were left out, e.g. %2: %3</source>
        <translation>%1 Datei(en) konnten nicht dekodiert werden und wurden ausgelassen, z. B. %2: %3</translation>
    </message>
    <message>
        <source>%1: no training image could be decoded</source>
        <translation>%1: Kein Trainingsbild konnte dekodiert werden</translation>
    </message>
    <message>
        <source>class &apos;%1&apos; has no training image that could be decoded</source>
        <translation>Klasse „%1“ hat kein Trainingsbild, das dekodiert werden konnte</translation>
    </message>
    <message>
        <source>Intensities 0..255 onto 0..1 (8-bit images).</source>
        <translation>Intensitäten 0..255 auf 0..1 abgebildet (8-Bit-Bilder).</translation>
    </message>
    <message>
        <source>Intensities %1..%2 onto 0..1 (the training images&apos; range).</source>
        <translation>Intensitäten %1..%2 auf 0..1 abgebildet (Wertebereich der Trainingsbilder).</translation>
    </message>
    <message>
        <source>%1 colour training image(s) turned grey (choose 3 channels to keep colour).</source>
        <translation>%1 farbige(s) Trainingsbild(er) in Graustufen umgewandelt (3 Kanäle wählen, um die Farbe zu erhalten).</translation>
    </message>
</context>
<context>
    <name>TrainingReport</name>
    <message>
        <source>Dataset</source>
        <translation>Datensatz</translation>
    </message>
    <message>
        <source>Train</source>
        <translation>Training</translation>
    </message>
    <message>
        <source>Validation</source>
        <translation>Validierung</translation>
    </message>
    <message>
        <source>Test</source>
        <translation>Test</translation>
    </message>
    <message>
        <source>image / label pairs</source>
        <translation>Bild-/Label-Paare</translation>
    </message>
    <message>
        <source>Warning: </source>
        <translation>Warnung: </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) left out as unusable.</source>
        <translation>
            <numerusform>%n Datei als unbrauchbar ausgelassen.</numerusform>
            <numerusform>%n Dateien als unbrauchbar ausgelassen.</numerusform>
        </translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>Training</translation>
    </message>
    <message>
        <source>The package holds the weights of epoch %1%2.</source>
        <translation>Das Paket enthält die Gewichte der Epoche %1%2.</translation>
    </message>
    <message>
        <source> (stopped early)</source>
        <translation> (vorzeitig gestoppt)</translation>
    </message>
    <message>
        <source>Epoch</source>
        <translation>Epoche</translation>
    </message>
    <message>
        <source>Train loss</source>
        <translation>Trainingsverlust</translation>
    </message>
    <message>
        <source>Val loss</source>
        <translation>Val.-Verlust</translation>
    </message>
    <message>
        <source>Val Dice</source>
        <translation>Val.-Dice</translation>
    </message>
    <message>
        <source>Val accuracy</source>
        <translation>Val.-Genauigkeit</translation>
    </message>
    <message>
        <source>Val AUC</source>
        <translation>Val.-AUC</translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation>Lernrate</translation>
    </message>
    <message>
        <source>Seconds</source>
        <translation>Sekunden</translation>
    </message>
    <message>
        <source>Evaluation</source>
        <translation>Evaluierung</translation>
    </message>
    <message>
        <source>%1 images of the %2 split; accuracy %3; expected calibration error %4.</source>
        <translation>%1 Bilder des Splits „%2“; Genauigkeit %3; erwarteter Kalibrierungsfehler %4.</translation>
    </message>
    <message>
        <source>Confusion matrix (rows: truth, columns: predicted)</source>
        <translation>Konfusionsmatrix (Zeilen: Wahrheit, Spalten: Vorhersage)</translation>
    </message>
    <message>
        <source>Per class</source>
        <translation>Pro Klasse</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>Klasse</translation>
    </message>
    <message>
        <source>Support</source>
        <translation>Support</translation>
    </message>
    <message>
        <source>Sensitivity</source>
        <translation>Sensitivität</translation>
    </message>
    <message>
        <source>Specificity</source>
        <translation>Spezifität</translation>
    </message>
    <message>
        <source>Precision</source>
        <translation>Präzision</translation>
    </message>
    <message>
        <source>F1</source>
        <translation>F1</translation>
    </message>
    <message>
        <source>AUC</source>
        <translation>AUC</translation>
    </message>
    <message>
        <source>95 % CI</source>
        <translation>95-%-KI</translation>
    </message>
    <message>
        <source>%1 images of the %2 split.</source>
        <translation>%1 Bilder des Splits „%2“.</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Label</translation>
    </message>
    <message>
        <source>Dice</source>
        <translation>Dice</translation>
    </message>
    <message>
        <source>HD95 (mm)</source>
        <translation>HD95 (mm)</translation>
    </message>
    <message>
        <source>Images</source>
        <translation>Bilder</translation>
    </message>
    <message>
        <source>Not evaluated.</source>
        <translation>Nicht evaluiert.</translation>
    </message>
    <message>
        <source>Training report: %1</source>
        <translation>Trainingsbericht: %1</translation>
    </message>
    <message>
        <source>Written %1 by RadPath.</source>
        <translation>Erstellt am %1 von RadPath.</translation>
    </message>
    <message>
        <source>Model package: %1</source>
        <translation>Modellpaket: %1</translation>
    </message>
    <message>
        <source>%1: cannot be written (%2)</source>
        <translation>%1: kann nicht geschrieben werden (%2)</translation>
    </message>
    <message>
        <source>Training report</source>
        <translation>Trainingsbericht</translation>
    </message>
    <message>
        <source>These figures come from the validation split, not from a test split. Early stopping chose the exported epoch by these images, so the figures are optimistic. Keep a test/ folder of images for an unbiased figure.</source>
        <translation>Diese Werte stammen aus dem Validierungs-Split, nicht aus einem Test-Split. Das frühe Stoppen hat die exportierte Epoche anhand dieser Bilder gewählt; die Werte sind daher zu optimistisch. Legen Sie einen Ordner test/ mit Bildern an, um unverzerrte Werte zu erhalten.</translation>
    </message>
    <message>
        <source>These figures come from the validation split, not from a test split. The run did not train on these images but reported on them after every epoch. Keep a test/ folder of images for an unbiased figure.</source>
        <translation>Diese Werte stammen aus dem Validierungs-Split, nicht aus einem Test-Split. Das Training hat nicht mit diesen Bildern gelernt, aber nach jeder Epoche über sie berichtet. Legen Sie einen Ordner test/ mit Bildern an, um unverzerrte Werte zu erhalten.</translation>
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
    <message>
        <source>To review</source>
        <translation>Zu prüfen</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Accept</source>
        <translation>Annehmen</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Bearbeiten…</translation>
    </message>
    <message>
        <source>Reject</source>
        <translation>Ablehnen</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>Not reviewed yet</source>
        <translation>Noch nicht geprüft</translation>
    </message>
    <message>
        <source>%1 by %2, %3</source>
        <translation>%1 von %2, %3</translation>
    </message>
    <message>
        <source>Edit finding</source>
        <translation>Befund bearbeiten</translation>
    </message>
    <message>
        <source>Finding:</source>
        <translation>Befund:</translation>
    </message>
</context>
<context>
    <name>radpath::app::AiReviewStore</name>
    <message>
        <source>%1, corrected by hand</source>
        <translation>%1, manuell korrigiert</translation>
    </message>
    <message>
        <source>The AI review record %1 cannot be written (%2).</source>
        <translation>Das KI-Prüfprotokoll %1 kann nicht geschrieben werden (%2).</translation>
    </message>
    <message>
        <source>The AI review record %1 cannot be read (%2): it is kept as %3, and the reviews of this image start anew.</source>
        <translation>Das KI-Prüfprotokoll %1 kann nicht gelesen werden (%2): Es wird als %3 aufbewahrt, und die Prüfungen dieses Bildes beginnen neu.</translation>
    </message>
    <message>
        <source>The AI review record %1 cannot be read (%2), nor moved aside: reviews of this image are not saved until it is.</source>
        <translation>Das KI-Prüfprotokoll %1 kann weder gelesen (%2) noch beiseitegelegt werden: Prüfungen dieses Bildes werden erst danach gespeichert.</translation>
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
    <name>radpath::app::DeidentifyExportDialog</name>
    <message>
        <source>Export de-identified</source>
        <translation>De-identifiziert exportieren</translation>
    </message>
    <message numerus="yes">
        <source>Write a de-identified copy of %1 (%n file(s)) by the DICOM Basic Application Level Confidentiality Profile (PS3.15 Annex E).</source>
        <translation>
            <numerusform>Eine de-identifizierte Kopie von %1 (%n Datei) nach dem DICOM Basic Application Level Confidentiality Profile (PS3.15 Anhang E) schreiben.</numerusform>
            <numerusform>Eine de-identifizierte Kopie von %1 (%n Dateien) nach dem DICOM Basic Application Level Confidentiality Profile (PS3.15 Anhang E) schreiben.</numerusform>
        </translation>
    </message>
    <message>
        <source>Dates</source>
        <translation>Datumsangaben</translation>
    </message>
    <message>
        <source>Remove dates</source>
        <translation>Datumsangaben entfernen</translation>
    </message>
    <message>
        <source>Keep dates</source>
        <translation>Datumsangaben behalten</translation>
    </message>
    <message>
        <source>Shift dates by</source>
        <translation>Datumsangaben verschieben um</translation>
    </message>
    <message>
        <source> days</source>
        <translation> Tage</translation>
    </message>
    <message>
        <source>Keep patient characteristics (sex, age, size, weight)</source>
        <translation>Patientenmerkmale behalten (Geschlecht, Alter, Größe, Gewicht)</translation>
    </message>
    <message>
        <source>folder for the de-identified files</source>
        <translation>Ordner für die de-identifizierten Dateien</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <source>Output folder</source>
        <translation>Zielordner</translation>
    </message>
    <message>
        <source>Pixel data is not changed: text burned into the images stays. Files that may carry it are named in the summary.</source>
        <translation>Pixeldaten werden nicht verändert: in die Bilder eingebrannter Text bleibt. Dateien, die solchen Text tragen können, nennt die Zusammenfassung.</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportieren</translation>
    </message>
</context>
<context>
    <name>radpath::app::DicomExportController</name>
    <message>
        <source>DICOM files (*.dcm);;All files (*)</source>
        <translation>DICOM-Dateien (*.dcm);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Save &amp;Label Map…</source>
        <translation>&amp;Labelkarte speichern…</translation>
    </message>
    <message>
        <source>Save label map</source>
        <translation>Labelkarte speichern</translation>
    </message>
    <message>
        <source>NIfTI (*.nii.gz *.nii);;NRRD (*.nrrd)</source>
        <translation>NIfTI (*.nii.gz *.nii);;NRRD (*.nrrd)</translation>
    </message>
    <message>
        <source>Export DICOM &amp;SEG…</source>
        <translation>Als DICOM-&amp;SEG exportieren…</translation>
    </message>
    <message>
        <source>Export label map as DICOM SEG</source>
        <translation>Labelkarte als DICOM-SEG exportieren</translation>
    </message>
    <message>
        <source>Import DICOM S&amp;EG…</source>
        <translation>DICOM-SE&amp;G importieren…</translation>
    </message>
    <message>
        <source>Import DICOM SEG</source>
        <translation>DICOM-SEG importieren</translation>
    </message>
    <message>
        <source>Export &amp;Measurements as DICOM SR…</source>
        <translation>&amp;Messungen als DICOM-SR exportieren…</translation>
    </message>
    <message>
        <source>Export measurements as DICOM SR</source>
        <translation>Messungen als DICOM-SR exportieren</translation>
    </message>
    <message>
        <source>Export &amp;Overlay as DICOM Parametric Map…</source>
        <translation>&amp;Overlay als DICOM Parametric Map exportieren…</translation>
    </message>
    <message>
        <source>Export overlay as DICOM Parametric Map</source>
        <translation>Overlay als DICOM Parametric Map exportieren</translation>
    </message>
    <message>
        <source>Export &amp;View as Secondary Capture…</source>
        <translation>&amp;Ansicht als DICOM Secondary Capture exportieren…</translation>
    </message>
    <message>
        <source>Export view as DICOM Secondary Capture</source>
        <translation>Ansicht als DICOM Secondary Capture exportieren</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>&amp;Exportieren</translation>
    </message>
    <message>
        <source>The tab in front shows no image.</source>
        <translation>Der aktive Tab zeigt kein Bild.</translation>
    </message>
    <message>
        <source>The series is still loading.</source>
        <translation>Die Serie wird noch geladen.</translation>
    </message>
    <message>
        <source>The tab in front shows no DICOM series.</source>
        <translation>Der aktive Tab zeigt keine DICOM-Serie.</translation>
    </message>
    <message>
        <source>The tab in front has no label map.</source>
        <translation>Der aktive Tab hat keine Labelkarte.</translation>
    </message>
    <message>
        <source>The tab in front has no measurements and no label map.</source>
        <translation>Der aktive Tab hat weder Messungen noch eine Labelkarte.</translation>
    </message>
    <message>
        <source>The tab in front has no overlay.</source>
        <translation>Der aktive Tab hat kein Overlay.</translation>
    </message>
    <message>
        <source>The overlay %1 does not lie on the series&apos; voxel grid.</source>
        <translation>Das Overlay %1 liegt nicht auf dem Voxelraster der Serie.</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>Fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>DICOM export and import</source>
        <translation>DICOM-Export und -Import</translation>
    </message>
    <message>
        <source>%1
%2</source>
        <translation>%1
%2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Save a label map as .nii.gz, .nii or .nrrd.</source>
        <translation>Speichern Sie eine Labelkarte als .nii.gz, .nii oder .nrrd.</translation>
    </message>
    <message>
        <source>Saving label map %1</source>
        <translation>Labelkarte %1 wird gespeichert</translation>
    </message>
    <message>
        <source>Saved label map %1 as %2</source>
        <translation>Labelkarte %1 als %2 gespeichert</translation>
    </message>
    <message>
        <source>Exporting DICOM SEG %1</source>
        <translation>DICOM-SEG %1 wird exportiert</translation>
    </message>
    <message numerus="yes">
        <source>Exported %1 as DICOM SEG %2 (%n segment(s))</source>
        <translation>
            <numerusform>%1 als DICOM-SEG %2 exportiert (%n Segment)</numerusform>
            <numerusform>%1 als DICOM-SEG %2 exportiert (%n Segmente)</numerusform>
        </translation>
    </message>
    <message>
        <source>Importing DICOM SEG %1</source>
        <translation>DICOM-SEG %1 wird importiert</translation>
    </message>
    <message>
        <source>is a segmentation of another series (%1), not of the series in this tab (%2)</source>
        <translation>ist eine Segmentierung einer anderen Serie (%1), nicht der Serie in diesem Tab (%2)</translation>
    </message>
    <message>
        <source>does not fit the image in this tab (%1)</source>
        <translation>passt nicht zum Bild in diesem Tab (%1)</translation>
    </message>
    <message>
        <source>The tab closed before %1 was read.</source>
        <translation>Der Tab wurde geschlossen, bevor %1 gelesen war.</translation>
    </message>
    <message numerus="yes">
        <source>Imported %1 (%n segment(s))</source>
        <translation>
            <numerusform>%1 importiert (%n Segment)</numerusform>
            <numerusform>%1 importiert (%n Segmente)</numerusform>
        </translation>
    </message>
    <message>
        <source>Exporting DICOM SR %1</source>
        <translation>DICOM-SR %1 wird exportiert</translation>
    </message>
    <message>
        <source>Exported %1 measurement(s) and %2 label statistics as DICOM SR %3</source>
        <translation>%1 Messung(en) und %2 Labelstatistiken als DICOM-SR %3 exportiert</translation>
    </message>
    <message>
        <source>Exporting parametric map %1</source>
        <translation>Parametrische Karte %1 wird exportiert</translation>
    </message>
    <message>
        <source>the overlay does not lie on the series&apos; grid (%1)</source>
        <translation>das Overlay liegt nicht auf dem Raster der Serie (%1)</translation>
    </message>
    <message>
        <source>Exported overlay %1 as DICOM Parametric Map %2</source>
        <translation>Overlay %1 als DICOM Parametric Map %2 exportiert</translation>
    </message>
    <message>
        <source>Slice %1 of %2, window %3, level %4</source>
        <translation>Schicht %1 von %2, Fenster %3, Zentrum %4</translation>
    </message>
    <message>
        <source>Exporting key image %1</source>
        <translation>Schlüsselbild %1 wird exportiert</translation>
    </message>
    <message>
        <source>Exported the view as DICOM Secondary Capture %1</source>
        <translation>Ansicht als DICOM Secondary Capture %1 exportiert</translation>
    </message>
    <message>
        <source>3-D view</source>
        <translation>3D-Ansicht</translation>
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
    <message>
        <source>Label map, AI-assisted, edited</source>
        <translation>Labelkarte, KI-gestützt, bearbeitet</translation>
    </message>
    <message>
        <source>Label map, AI</source>
        <translation>Labelkarte, KI</translation>
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
    <message>
        <source>Train a &amp;Model…</source>
        <translation>&amp;Modell trainieren…</translation>
    </message>
    <message>
        <source>&amp;Query/Retrieve…</source>
        <translation>PACS-&amp;Abfrage…</translation>
    </message>
    <message>
        <source>&amp;Report…</source>
        <translation>&amp;Befund…</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>Befund</translation>
    </message>
    <message>
        <source>No report can be prepared for %1:
%2</source>
        <translation>Für %1 kann kein Befund erstellt werden:
%2</translation>
    </message>
    <message>
        <source>Preparing the report…</source>
        <translation>Befund wird vorbereitet…</translation>
    </message>
    <message>
        <source>the report</source>
        <translation>den Bericht</translation>
    </message>
    <message>
        <source>The series is still loading: open the report once it is in.</source>
        <translation>Die Serie wird noch geladen: Öffnen Sie den Bericht, sobald sie vollständig ist.</translation>
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
    <name>radpath::app::PacsController</name>
    <message>
        <source>Sending was cancelled.</source>
        <translation>Das Senden wurde abgebrochen.</translation>
    </message>
    <message>
        <source>De-identification was cancelled; the files written so far are complete.</source>
        <translation>Die De-Identifizierung wurde abgebrochen; die bis dahin geschriebenen Dateien sind vollständig.</translation>
    </message>
    <message>
        <source>PACS</source>
        <translation>PACS</translation>
    </message>
    <message>
        <source>Send to PACS</source>
        <translation>An PACS senden</translation>
    </message>
    <message>
        <source>Choose a PACS node: none is set up yet.</source>
        <translation>Wählen Sie einen PACS-Knoten: Es ist noch keiner eingerichtet.</translation>
    </message>
    <message>
        <source>Sending %1 to %2</source>
        <translation>%1 wird an %2 gesendet</translation>
    </message>
    <message numerus="yes">
        <source>Sent %n instance(s) to %1.</source>
        <translation>
            <numerusform>%n Instanz an %1 gesendet.</numerusform>
            <numerusform>%n Instanzen an %1 gesendet.</numerusform>
        </translation>
    </message>
    <message>
        <source>Sending to %1 failed: %2</source>
        <translation>Senden an %1 fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>De-identifying into %1</source>
        <translation>De-Identifizierung nach %1</translation>
    </message>
    <message numerus="yes">
        <source>%n de-identified file(s) written to %1.</source>
        <translation>
            <numerusform>%n de-identifizierte Datei nach %1 geschrieben.</numerusform>
            <numerusform>%n de-identifizierte Dateien nach %1 geschrieben.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) could not be de-identified.</source>
        <translation>
            <numerusform>%n Datei konnte nicht de-identifiziert werden.</numerusform>
            <numerusform>%n Dateien konnten nicht de-identifiziert werden.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s): some images may show patient data burned into their pixels, which de-identification does not remove. Check them before sharing.</source>
        <translation>
            <numerusform>%n Warnung: Manche Bilder können in ihre Pixel eingebrannte Patientendaten zeigen, die die De-Identifizierung nicht entfernt. Prüfen Sie sie vor der Weitergabe.</numerusform>
            <numerusform>%n Warnungen: Manche Bilder können in ihre Pixel eingebrannte Patientendaten zeigen, die die De-Identifizierung nicht entfernt. Prüfen Sie sie vor der Weitergabe.</numerusform>
        </translation>
    </message>
    <message>
        <source>Export de-identified</source>
        <translation>De-identifiziert exportieren</translation>
    </message>
    <message>
        <source>De-identification failed: %1</source>
        <translation>De-Identifizierung fehlgeschlagen: %1</translation>
    </message>
</context>
<context>
    <name>radpath::app::PacsNodeEditor</name>
    <message>
        <source>DICOM (DIMSE)</source>
        <translation>DICOM (DIMSE)</translation>
    </message>
    <message>
        <source>DICOMweb</source>
        <translation>DICOMweb</translation>
    </message>
    <message>
        <source>e.g. PACS</source>
        <translation>z. B. PACS</translation>
    </message>
    <message>
        <source>host name or address</source>
        <translation>Hostname oder Adresse</translation>
    </message>
    <message>
        <source>TLS</source>
        <translation>TLS</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Keine</translation>
    </message>
    <message>
        <source>Basic (user and password)</source>
        <translation>Basic (Benutzer und Passwort)</translation>
    </message>
    <message>
        <source>Bearer token</source>
        <translation>Bearer-Token</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <source>Store in the settings file (plain text)</source>
        <translation>In der Einstellungsdatei speichern (Klartext)</translation>
    </message>
    <message>
        <source>Only if no keyring is available and you accept that anyone who can read the settings file can read the secret</source>
        <translation>Nur wenn kein Schlüsselbund verfügbar ist und Sie hinnehmen, dass jeder, der die Einstellungsdatei lesen kann, das Geheimnis lesen kann</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>Verbindung testen</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Protocol</source>
        <translation>Protokoll</translation>
    </message>
    <message>
        <source>AE title</source>
        <translation>AE-Titel</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>Host</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>Port</translation>
    </message>
    <message>
        <source>Base URL</source>
        <translation>Basis-URL</translation>
    </message>
    <message>
        <source>Authentication</source>
        <translation>Authentifizierung</translation>
    </message>
    <message>
        <source>Test cancelled.</source>
        <translation>Test abgebrochen.</translation>
    </message>
    <message>
        <source>Token</source>
        <translation>Token</translation>
    </message>
    <message>
        <source>The secret will be written to the settings file as plain text: anyone who can read that file can read it.</source>
        <translation>Das Geheimnis wird im Klartext in die Einstellungsdatei geschrieben: Jeder, der diese Datei lesen kann, kann es lesen.</translation>
    </message>
    <message>
        <source>Looking for the system keyring…</source>
        <translation>Systemschlüsselbund wird gesucht…</translation>
    </message>
    <message>
        <source>The secret is kept in the system keyring.</source>
        <translation>Das Geheimnis wird im Systemschlüsselbund aufbewahrt.</translation>
    </message>
    <message>
        <source>No keyring service is available (the keyring answered: %1). The secret is kept for this session only; tick “Store in the settings file (plain text)” to keep it across restarts.</source>
        <translation>Kein Schlüsselbunddienst verfügbar (Antwort des Schlüsselbunds: %1). Das Geheimnis wird nur für diese Sitzung aufbewahrt; kreuzen Sie „In der Einstellungsdatei speichern (Klartext)“ an, um es über Neustarts hinweg zu behalten.</translation>
    </message>
    <message>
        <source>Connection failed: %1</source>
        <translation>Verbindung fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Testing %1…</source>
        <translation>%1 wird getestet…</translation>
    </message>
    <message>
        <source>Testing connection to %1</source>
        <translation>Verbindung zu %1 wird getestet</translation>
    </message>
    <message>
        <source>Connection works: %1 answered in %2 ms.</source>
        <translation>Verbindung funktioniert: %1 hat in %2 ms geantwortet.</translation>
    </message>
    <message>
        <source>DICOM TLS: the PACS must show a certificate for this host, signed by the CA</source>
        <translation>DICOM TLS: Das PACS muss ein von der CA signiertes Zertifikat für diesen Host vorweisen</translation>
    </message>
    <message>
        <source>the system&apos;s trusted certificates</source>
        <translation>die vertrauenswürdigen Zertifikate des Systems</translation>
    </message>
    <message>
        <source>none (optional)</source>
        <translation>keines (optional)</translation>
    </message>
    <message>
        <source>PEM files (*.pem *.crt *.cer *.key);;All files (*)</source>
        <translation>PEM-Dateien (*.pem *.crt *.cer *.key);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>CA certificate</source>
        <translation>CA-Zertifikat</translation>
    </message>
    <message>
        <source>Trusted CA certificate</source>
        <translation>Vertrauenswürdiges CA-Zertifikat</translation>
    </message>
    <message>
        <source>Client certificate</source>
        <translation>Client-Zertifikat</translation>
    </message>
    <message>
        <source>RadPath&apos;s client certificate</source>
        <translation>Client-Zertifikat von RadPath</translation>
    </message>
    <message>
        <source>Client key</source>
        <translation>Client-Schlüssel</translation>
    </message>
    <message>
        <source>Private key of the client certificate</source>
        <translation>Privater Schlüssel des Client-Zertifikats</translation>
    </message>
    <message>
        <source>Choose a file</source>
        <translation>Datei auswählen</translation>
    </message>
</context>
<context>
    <name>radpath::app::PacsQueryDialog</name>
    <message>
        <source>Query/Retrieve</source>
        <translation>PACS-Abfrage</translation>
    </message>
    <message>
        <source>Nodes…</source>
        <translation>Knoten…</translation>
    </message>
    <message>
        <source>Add or change PACS nodes (Tools &gt; Settings &gt; PACS)</source>
        <translation>PACS-Knoten hinzufügen oder ändern (Werkzeuge &gt; Einstellungen &gt; PACS)</translation>
    </message>
    <message>
        <source>PACS</source>
        <translation>PACS</translation>
    </message>
    <message>
        <source>Matches names starting with the text; * and ? are wildcards</source>
        <translation>Findet Namen, die mit dem Text beginnen; * und ? sind Platzhalter</translation>
    </message>
    <message>
        <source>any</source>
        <translation>beliebig</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Suchen</translation>
    </message>
    <message>
        <source>Patient name</source>
        <translation>Patientenname</translation>
    </message>
    <message>
        <source>Patient ID</source>
        <translation>Patienten-ID</translation>
    </message>
    <message>
        <source>Accession</source>
        <translation>Auftragsnummer</translation>
    </message>
    <message>
        <source>Study date from</source>
        <translation>Studiendatum von</translation>
    </message>
    <message>
        <source>to</source>
        <translation>bis</translation>
    </message>
    <message>
        <source>Modality</source>
        <translation>Modalität</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
    <message>
        <source>Patient</source>
        <translation>Patient</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>Modalities</source>
        <translation>Modalitäten</translation>
    </message>
    <message>
        <source>Series</source>
        <translation>Serien</translation>
    </message>
    <message>
        <source>Instances</source>
        <translation>Instanzen</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Nummer</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Select series to retrieve only those; with none selected the whole study is retrieved</source>
        <translation>Wählen Sie Serien aus, um nur diese abzurufen; ohne Auswahl wird die ganze Studie abgerufen</translation>
    </message>
    <message>
        <source>C-GET</source>
        <translation>C-GET</translation>
    </message>
    <message>
        <source>The PACS sends the images back on the same connection</source>
        <translation>Das PACS sendet die Bilder über dieselbe Verbindung zurück</translation>
    </message>
    <message>
        <source>C-MOVE</source>
        <translation>C-MOVE</translation>
    </message>
    <message>
        <source>The PACS sends the images to RadPath&apos;s AE title and storage port; it must know them</source>
        <translation>Das PACS sendet die Bilder an den AE-Titel und Empfangsport von RadPath; es muss beide kennen</translation>
    </message>
    <message>
        <source>Retrieve study</source>
        <translation>Studie abrufen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Retrieve with</source>
        <translation>Abrufen mit</translation>
    </message>
    <message>
        <source>Search cancelled.</source>
        <translation>Suche abgebrochen.</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>Startet…</translation>
    </message>
    <message numerus="yes">
        <source>Done: %n instance(s)</source>
        <translation>
            <numerusform>Fertig: %n Instanz</numerusform>
            <numerusform>Fertig: %n Instanzen</numerusform>
        </translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message numerus="yes">
        <source>Retrieval cancelled; %n series completed and imported.</source>
        <translation>
            <numerusform>Abruf abgebrochen; %n Serie abgerufen und importiert.</numerusform>
            <numerusform>Abruf abgebrochen; %n Serien abgerufen und importiert.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Retrieval failed: %1
The %n series retrieved before it are in the study database.</source>
        <translation>
            <numerusform>Abruf fehlgeschlagen: %1
Die zuvor abgerufene Serie (%n) ist in der Studiendatenbank.</numerusform>
            <numerusform>Abruf fehlgeschlagen: %1
Die %n zuvor abgerufenen Serien sind in der Studiendatenbank.</numerusform>
        </translation>
    </message>
    <message>
        <source>Retrieval failed: %1</source>
        <translation>Abruf fehlgeschlagen: %1</translation>
    </message>
    <message numerus="yes">
        <source>Retrieved %n series into the study database.</source>
        <translation>
            <numerusform>%n Serie in die Studiendatenbank abgerufen.</numerusform>
            <numerusform>%n Serien in die Studiendatenbank abgerufen.</numerusform>
        </translation>
    </message>
    <message>
        <source>No PACS node is set up yet: add one with “Nodes…”.</source>
        <translation>Es ist noch kein PACS-Knoten eingerichtet: Fügen Sie einen über „Knoten…“ hinzu.</translation>
    </message>
    <message>
        <source>Choose a PACS node first, or add one with “Nodes…”.</source>
        <translation>Wählen Sie zuerst einen PACS-Knoten oder fügen Sie einen über „Knoten…“ hinzu.</translation>
    </message>
    <message>
        <source>No password or token is known for %1: enter it in the PACS settings.</source>
        <translation>Für %1 ist kein Passwort oder Token bekannt: Geben Sie es in den PACS-Einstellungen ein.</translation>
    </message>
    <message>
        <source>Searching %1…</source>
        <translation>%1 wird durchsucht…</translation>
    </message>
    <message>
        <source>Searching %1</source>
        <translation>%1 wird durchsucht</translation>
    </message>
    <message numerus="yes">
        <source>%n study(ies) found.</source>
        <translation>
            <numerusform>%n Studie gefunden.</numerusform>
            <numerusform>%n Studien gefunden.</numerusform>
        </translation>
    </message>
    <message>
        <source>Search failed: %1</source>
        <translation>Suche fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Listing series on %1</source>
        <translation>Serien auf %1 werden aufgelistet</translation>
    </message>
    <message>
        <source>Listing the series failed: %1</source>
        <translation>Auflisten der Serien fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>This node cannot send with C-MOVE: use C-GET.</source>
        <translation>Dieser Knoten kann nicht mit C-MOVE senden: Verwenden Sie C-GET.</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>Wartet</translation>
    </message>
    <message numerus="yes">
        <source>Retrieving %n series…</source>
        <translation>
            <numerusform>%n Serie wird abgerufen…</numerusform>
            <numerusform>%n Serien werden abgerufen…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Retrieve %n series</source>
        <translation>
            <numerusform>%n Serie abrufen</numerusform>
            <numerusform>%n Serien abrufen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>radpath::app::PacsRetriever</name>
    <message>
        <source>Retrieving series %1 of %2</source>
        <translation>Serie %1 von %2 wird abgerufen</translation>
    </message>
    <message>
        <source>Retrieving series %1 of %2 (%3)</source>
        <translation>Serie %1 von %2 wird abgerufen (%3)</translation>
    </message>
</context>
<context>
    <name>radpath::app::PacsSendDialog</name>
    <message>
        <source>Send to PACS</source>
        <translation>An PACS senden</translation>
    </message>
    <message numerus="yes">
        <source>Send %1 (%n file(s)) with C-STORE to:</source>
        <translation>
            <numerusform>%1 (%n Datei) mit C-STORE senden an:</numerusform>
            <numerusform>%1 (%n Dateien) mit C-STORE senden an:</numerusform>
        </translation>
    </message>
    <message>
        <source>No PACS node is set up yet: add one in Tools &gt; Settings &gt; PACS.</source>
        <translation>Es ist noch kein PACS-Knoten eingerichtet: Fügen Sie einen unter Werkzeuge &gt; Einstellungen &gt; PACS hinzu.</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Senden</translation>
    </message>
    <message>
        <source>PACS</source>
        <translation>PACS</translation>
    </message>
</context>
<context>
    <name>radpath::app::PacsSettingsPage</name>
    <message>
        <source>Remote nodes</source>
        <translation>Entfernte Knoten</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Hinzufügen</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>This computer</source>
        <translation>Dieser Computer</translation>
    </message>
    <message>
        <source>RadPath listens on this port while a C-MOVE runs; the PACS must know RadPath&apos;s AE title with this computer&apos;s address and this port</source>
        <translation>RadPath empfängt auf diesem Port, solange ein C-MOVE läuft; das PACS muss den AE-Titel von RadPath mit der Adresse dieses Computers und diesem Port kennen</translation>
    </message>
    <message>
        <source>RadPath&apos;s AE title</source>
        <translation>AE-Titel von RadPath</translation>
    </message>
    <message>
        <source>Storage port (C-MOVE)</source>
        <translation>Empfangsport (C-MOVE)</translation>
    </message>
    <message>
        <source>(unnamed)</source>
        <translation>(ohne Namen)</translation>
    </message>
    <message>
        <source>New PACS</source>
        <translation>Neues PACS</translation>
    </message>
    <message>
        <source>Saved in the system keyring.</source>
        <translation>Im Systemschlüsselbund gespeichert.</translation>
    </message>
    <message>
        <source>Not saved: no keyring service is available (the keyring answered: %1). The secret is kept for this session only.</source>
        <translation>Nicht gespeichert: Kein Schlüsselbunddienst verfügbar (Antwort des Schlüsselbunds: %1). Das Geheimnis wird nur für diese Sitzung aufbewahrt.</translation>
    </message>
</context>
<context>
    <name>radpath::app::ReportEditorDialog</name>
    <message>
        <source>Report</source>
        <translation>Befund</translation>
    </message>
    <message>
        <source>Findings and impression in your words</source>
        <translation>Befunde und Beurteilung in Ihren Worten</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <source>Finding</source>
        <translation>Befund</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>Prüfung</translation>
    </message>
    <message>
        <source>Add key image</source>
        <translation>Schlüsselbild hinzufügen</translation>
    </message>
    <message>
        <source>De-identified</source>
        <translation>De-identifiziert</translation>
    </message>
    <message>
        <source>Report text</source>
        <translation>Befundtext</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>Befunde</translation>
    </message>
    <message>
        <source>Key images</source>
        <translation>Schlüsselbilder</translation>
    </message>
    <message>
        <source>Sign…</source>
        <translation>Unterschreiben…</translation>
    </message>
    <message>
        <source>Add addendum…</source>
        <translation>Nachtrag hinzufügen…</translation>
    </message>
    <message>
        <source>Export PDF…</source>
        <translation>PDF exportieren…</translation>
    </message>
    <message>
        <source>Export to study</source>
        <translation>In die Studie exportieren</translation>
    </message>
    <message>
        <source>Edit finding</source>
        <translation>Befund bearbeiten</translation>
    </message>
    <message>
        <source>Finding:</source>
        <translation>Befund:</translation>
    </message>
    <message>
        <source>Key image %1</source>
        <translation>Schlüsselbild %1</translation>
    </message>
    <message>
        <source>Sign report</source>
        <translation>Befund unterschreiben</translation>
    </message>
    <message numerus="yes">
        <source>%n AI finding(s) still wait for review: accept, edit or reject each first.</source>
        <translation>
            <numerusform>%n KI-Befund wartet noch auf Prüfung: zuerst annehmen, bearbeiten oder ablehnen.</numerusform>
            <numerusform>%n KI-Befunde warten noch auf Prüfung: jeden zuerst annehmen, bearbeiten oder ablehnen.</numerusform>
        </translation>
    </message>
    <message>
        <source>Signed by:</source>
        <translation>Unterschrieben von:</translation>
    </message>
    <message>
        <source>Addendum</source>
        <translation>Nachtrag</translation>
    </message>
    <message>
        <source>Addendum:</source>
        <translation>Nachtrag:</translation>
    </message>
    <message>
        <source>Export PDF</source>
        <translation>PDF exportieren</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>DICOM (*.dcm)</source>
        <translation>DICOM (*.dcm)</translation>
    </message>
    <message>
        <source>Report (signed by %1)</source>
        <translation>Befund (unterschrieben von %1)</translation>
    </message>
    <message>
        <source>Add finding…</source>
        <translation>Befund hinzufügen…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Removes one of your own findings; AI findings are rejected instead</source>
        <translation>Entfernt einen Ihrer eigenen Befunde; KI-Befunde werden stattdessen abgelehnt</translation>
    </message>
    <message>
        <source>Add finding</source>
        <translation>Befund hinzufügen</translation>
    </message>
    <message>
        <source>Finding (a short name, a colon, then the finding):</source>
        <translation>Befund (ein kurzer Name, ein Doppelpunkt, dann der Befund):</translation>
    </message>
    <message>
        <source>Send to PACS…</source>
        <translation>An PACS senden…</translation>
    </message>
    <message>
        <source>Draft saved</source>
        <translation>Entwurf gespeichert</translation>
    </message>
    <message>
        <source>The draft is not saved: %1</source>
        <translation>Der Entwurf ist nicht gespeichert: %1</translation>
    </message>
</context>
<context>
    <name>radpath::app::SegmentEditorDock</name>
    <message>
        <source>Segment Editor</source>
        <translation>Segment-Editor</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Neu</translation>
    </message>
    <message>
        <source>A new empty label map on the volume&apos;s grid</source>
        <translation>Eine neue leere Labelkarte auf dem Raster des Volumens</translation>
    </message>
    <message>
        <source>Label map</source>
        <translation>Labelkarte</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Hinzufügen</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Label</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Aus</translation>
    </message>
    <message>
        <source>Paint</source>
        <translation>Malen</translation>
    </message>
    <message>
        <source>Erase</source>
        <translation>Radieren</translation>
    </message>
    <message>
        <source>Fill</source>
        <translation>Füllen</translation>
    </message>
    <message>
        <source>Grow</source>
        <translation>Wachsen</translation>
    </message>
    <message>
        <source>Paint the label with the brush (drag)</source>
        <translation>Das Label mit dem Pinsel malen (ziehen)</translation>
    </message>
    <message>
        <source>Erase the label under the brush (drag)</source>
        <translation>Das Label unter dem Pinsel radieren (ziehen)</translation>
    </message>
    <message>
        <source>Fill the connected region under the click in this slice</source>
        <translation>Die zusammenhängende Region unter dem Klick in dieser Schicht füllen</translation>
    </message>
    <message>
        <source>Grow a region from the click: within the HU range when set, else from the values around it</source>
        <translation>Eine Region vom Klick aus wachsen lassen: im HU-Bereich, wenn gesetzt, sonst nach den Werten um ihn herum</translation>
    </message>
    <message>
        <source> mm</source>
        <translation> mm</translation>
    </message>
    <message>
        <source>3-D sphere</source>
        <translation>3D-Kugel</translation>
    </message>
    <message>
        <source>Radius</source>
        <translation>Radius</translation>
    </message>
    <message>
        <source>Only</source>
        <translation>Nur</translation>
    </message>
    <message>
        <source>to</source>
        <translation>bis</translation>
    </message>
    <message>
        <source>Values</source>
        <translation>Werte</translation>
    </message>
    <message>
        <source>Keep largest island</source>
        <translation>Größte Insel behalten</translation>
    </message>
    <message>
        <source>Remove small islands</source>
        <translation>Kleine Inseln entfernen</translation>
    </message>
    <message>
        <source>Fill holes</source>
        <translation>Löcher füllen</translation>
    </message>
    <message>
        <source>Smooth (median)</source>
        <translation>Glätten (Median)</translation>
    </message>
    <message>
        <source>Interpolate slices</source>
        <translation>Schichten interpolieren</translation>
    </message>
    <message>
        <source> mL</source>
        <translation> ml</translation>
    </message>
    <message>
        <source>Islands smaller than this are removed</source>
        <translation>Kleinere Inseln werden entfernt</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Rückgängig</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Wiederholen</translation>
    </message>
    <message>
        <source>Volume (mL)</source>
        <translation>Volumen (ml)</translation>
    </message>
    <message>
        <source>Mean ± SD</source>
        <translation>Mittel ± SD</translation>
    </message>
    <message>
        <source>Segmentation %1</source>
        <translation>Segmentierung %1</translation>
    </message>
    <message>
        <source>Segment 1</source>
        <translation>Segment 1</translation>
    </message>
    <message>
        <source>Segment %1</source>
        <translation>Segment %1</translation>
    </message>
    <message>
        <source>Undo: %1 of %2 MB</source>
        <translation>Rückgängig: %1 von %2 MB</translation>
    </message>
    <message>
        <source>%1 ± %2</source>
        <translation>%1 ± %2</translation>
    </message>
    <message>
        <source>Region growing</source>
        <translation>Regionenwachstum</translation>
    </message>
    <message>
        <source>Unite with</source>
        <translation>Vereinigen mit</translation>
    </message>
    <message>
        <source>Intersect with</source>
        <translation>Schneiden mit</translation>
    </message>
    <message>
        <source>Subtract</source>
        <translation>Subtrahieren</translation>
    </message>
    <message>
        <source>A label of this map, or of another label map on its grid</source>
        <translation>Ein Label dieser Karte oder einer anderen Labelkarte auf ihrem Raster</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>Anwenden</translation>
    </message>
    <message>
        <source>Changes the current label by the other one</source>
        <translation>Verändert das aktuelle Label anhand des anderen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>%1: </source>
        <translation>%1: </translation>
    </message>
    <message>
        <source>%1: %2 %3</source>
        <translation>%1: %2 %3</translation>
    </message>
    <message numerus="yes">
        <source>%n voxel(s) changed</source>
        <translation>
            <numerusform>%n Voxel geändert</numerusform>
            <numerusform>%n Voxel geändert</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancelled: the label map is unchanged</source>
        <translation>Abgebrochen: Die Labelkarte ist unverändert</translation>
    </message>
    <message>
        <source>The operation failed: %1</source>
        <translation>Der Vorgang ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>A voxel holds one label: two labels of the same map can only be united (choose a label of another label map to intersect or subtract)</source>
        <translation>Ein Voxel trägt ein Label: Zwei Labels derselben Labelkarte lassen sich nur vereinigen (für Schnitt oder Differenz ein Label einer anderen Labelkarte wählen)</translation>
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
    <message>
        <source>General</source>
        <translation>Allgemein</translation>
    </message>
    <message>
        <source>Memory for undo and redo per label map edited; the oldest steps go first</source>
        <translation>Speicher für Rückgängig und Wiederholen je bearbeiteter Labelkarte; die ältesten Schritte werden zuerst verworfen</translation>
    </message>
    <message>
        <source>Segmentation</source>
        <translation>Segmentierung</translation>
    </message>
    <message>
        <source>Undo memory</source>
        <translation>Speicher für Rückgängig</translation>
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
    <message>
        <source>the series “%1”</source>
        <translation>die Serie „%1“</translation>
    </message>
    <message>
        <source>the study of %1</source>
        <translation>die Studie von %1</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Öffnen</translation>
    </message>
    <message>
        <source>Send to PACS…</source>
        <translation>An PACS senden…</translation>
    </message>
    <message>
        <source>Export de-identified…</source>
        <translation>De-identifiziert exportieren…</translation>
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
    <name>radpath::app::TrainingDataPage</name>
    <message>
        <source>Dataset</source>
        <translation>Datensatz</translation>
    </message>
    <message>
        <source>Choose the folder that holds the labelled images. RadPath reads file names and headers now and the pixels when training starts.</source>
        <translation>Wählen Sie den Ordner mit den gelabelten Bildern. RadPath liest jetzt Dateinamen und Header, die Pixel erst beim Start des Trainings.</translation>
    </message>
    <message>
        <source>Dataset folder</source>
        <translation>Datensatzordner</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <source>The share of each class kept for validation when the folder is not split into train/ and val/ already</source>
        <translation>Der Anteil jeder Klasse, der für die Validierung zurückgehalten wird, wenn der Ordner noch nicht in train/ und val/ aufgeteilt ist</translation>
    </message>
    <message>
        <source>Validation share:</source>
        <translation>Validierungsanteil:</translation>
    </message>
    <message>
        <source> px</source>
        <translation> px</translation>
    </message>
    <message>
        <source> µm per pixel</source>
        <translation> µm pro Pixel</translation>
    </message>
    <message>
        <source>The resolution tiles are cut at: 0.25 is about 40×, 0.5 about 20×, 2 about 5×</source>
        <translation>Die Auflösung, mit der die Kacheln geschnitten werden: 0,25 entspricht etwa 40×, 0,5 etwa 20×, 2 etwa 5×</translation>
    </message>
    <message>
        <source>Tiles of</source>
        <translation>Kacheln von</translation>
    </message>
    <message>
        <source>at</source>
        <translation>bei</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>Why it is left out</source>
        <translation>Grund für den Ausschluss</translation>
    </message>
    <message>
        <source>Samples:</source>
        <translation>Beispiele:</translation>
    </message>
    <message>
        <source>%1: %2 %</source>
        <translation>%1: %2 %</translation>
    </message>
    <message>
        <source>No folder chosen yet.</source>
        <translation>Noch kein Ordner gewählt.</translation>
    </message>
    <message>
        <source>Choose the folder of annotated slides (or of tile images by class). The tiles are cut now, in the background.</source>
        <translation>Wählen Sie den Ordner mit annotierten Objektträgern (oder mit Kachelbildern nach Klasse). Die Kacheln werden jetzt im Hintergrund geschnitten.</translation>
    </message>
    <message>
        <source>Scanning %1…</source>
        <translation>%1 wird durchsucht…</translation>
    </message>
    <message>
        <source>Scanning the dataset</source>
        <translation>Datensatz wird durchsucht</translation>
    </message>
    <message>
        <source>cutting tiles</source>
        <translation>Kacheln werden geschnitten</translation>
    </message>
    <message>
        <source>The folder could not be scanned: %1</source>
        <translation>Der Ordner konnte nicht durchsucht werden: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n image(s) with label maps.</source>
        <translation>
            <numerusform>%n Bild mit Labelkarte.</numerusform>
            <numerusform>%n Bilder mit Labelkarten.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n tile(s) of %1 px at %2 µm per pixel from %3 slide(s), in %4 classes.</source>
        <translation>
            <numerusform>%n Kachel mit %1 px bei %2 µm pro Pixel aus %3 Objektträger(n), in %4 Klassen.</numerusform>
            <numerusform>%n Kacheln mit %1 px bei %2 µm pro Pixel aus %3 Objektträger(n), in %4 Klassen.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n image(s) in %1 classes.</source>
        <translation>
            <numerusform>%n Bild in %1 Klassen.</numerusform>
            <numerusform>%n Bilder in %1 Klassen.</numerusform>
        </translation>
    </message>
    <message>
        <source>Split by its train/val/test folders.</source>
        <translation>Aufgeteilt nach den Ordnern train/val/test.</translation>
    </message>
    <message>
        <source>Not split into folders: %1 % of each class is kept for validation.</source>
        <translation>Nicht in Ordner aufgeteilt: %1 % jeder Klasse werden für die Validierung zurückgehalten.</translation>
    </message>
    <message>
        <source>Train</source>
        <translation>Training</translation>
    </message>
    <message>
        <source>Validation</source>
        <translation>Validierung</translation>
    </message>
    <message>
        <source>Test</source>
        <translation>Test</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Gesamt</translation>
    </message>
    <message>
        <source>image / label pairs</source>
        <translation>Bild-/Label-Paare</translation>
    </message>
    <message>
        <source>images</source>
        <translation>Bilder</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) cannot be used</source>
        <translation>
            <numerusform>%n Datei ist nicht verwendbar</numerusform>
            <numerusform>%n Dateien sind nicht verwendbar</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>radpath::app::TrainingEvaluationPage</name>
    <message>
        <source>Evaluation</source>
        <translation>Evaluierung</translation>
    </message>
    <message>
        <source>ROC (one class against the rest)</source>
        <translation>ROC (eine Klasse gegen den Rest)</translation>
    </message>
    <message>
        <source>1 − specificity</source>
        <translation>1 − Spezifität</translation>
    </message>
    <message>
        <source>sensitivity</source>
        <translation>Sensitivität</translation>
    </message>
    <message>
        <source>Reliability</source>
        <translation>Reliabilitätsdiagramm</translation>
    </message>
    <message>
        <source>confidence</source>
        <translation>Konfidenz</translation>
    </message>
    <message>
        <source>accuracy</source>
        <translation>Genauigkeit</translation>
    </message>
    <message>
        <source>Confusion matrix (rows: truth, columns: predicted)</source>
        <translation>Konfusionsmatrix (Zeilen: Wahrheit, Spalten: Vorhersage)</translation>
    </message>
    <message>
        <source>Per class</source>
        <translation>Pro Klasse</translation>
    </message>
    <message>
        <source>Per label</source>
        <translation>Pro Label</translation>
    </message>
    <message>
        <source>Dice per image</source>
        <translation>Dice pro Bild</translation>
    </message>
    <message>
        <source>Evaluating… %1 %</source>
        <translation>Evaluierung… %1 %</translation>
    </message>
    <message>
        <source>The evaluation was cancelled.</source>
        <translation>Die Evaluierung wurde abgebrochen.</translation>
    </message>
    <message>
        <source>The evaluation failed: %1</source>
        <translation>Die Evaluierung ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Evaluating on the %1 split…</source>
        <translation>Evaluierung auf dem Split „%1“…</translation>
    </message>
    <message>
        <source>Evaluating the trained model</source>
        <translation>Trainiertes Modell wird evaluiert</translation>
    </message>
    <message>
        <source>no decoded %1 image to evaluate on</source>
        <translation>kein dekodiertes Bild im Split „%1“ zum Evaluieren</translation>
    </message>
    <message>
        <source>test</source>
        <translation>Test</translation>
    </message>
    <message>
        <source>validation</source>
        <translation>Validierung</translation>
    </message>
    <message numerus="yes">
        <source>%n %1 image(s), accuracy %2.</source>
        <translation>
            <numerusform>%n Bild (%1), Genauigkeit %2.</numerusform>
            <numerusform>%n Bilder (%1), Genauigkeit %2.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n %1 image(s).</source>
        <translation>
            <numerusform>%n Bild (%1).</numerusform>
            <numerusform>%n Bilder (%1).</numerusform>
        </translation>
    </message>
    <message>
        <source>Support</source>
        <translation>Support</translation>
    </message>
    <message>
        <source>Sensitivity</source>
        <translation>Sensitivität</translation>
    </message>
    <message>
        <source>Specificity</source>
        <translation>Spezifität</translation>
    </message>
    <message>
        <source>Precision</source>
        <translation>Präzision</translation>
    </message>
    <message>
        <source>F1</source>
        <translation>F1</translation>
    </message>
    <message>
        <source>AUC (95 % CI)</source>
        <translation>AUC (95-%-KI)</translation>
    </message>
    <message>
        <source>%1 (%2–%3)</source>
        <translation>%1 (%2–%3)</translation>
    </message>
    <message>
        <source>chance</source>
        <translation>Zufall</translation>
    </message>
    <message>
        <source>threshold</source>
        <translation>Schwelle</translation>
    </message>
    <message>
        <source>perfect calibration</source>
        <translation>perfekte Kalibrierung</translation>
    </message>
    <message>
        <source>model</source>
        <translation>Modell</translation>
    </message>
    <message numerus="yes">
        <source>Expected calibration error (ECE): %1 over %n bin(s)</source>
        <translation>
            <numerusform>Erwarteter Kalibrierungsfehler (ECE): %1 über %n Intervall</numerusform>
            <numerusform>Erwarteter Kalibrierungsfehler (ECE): %1 über %n Intervalle</numerusform>
        </translation>
    </message>
    <message>
        <source>Threshold for &apos;%1&apos;:</source>
        <translation>Schwelle für „%1“:</translation>
    </message>
    <message>
        <source>Dice</source>
        <translation>Dice</translation>
    </message>
    <message>
        <source>HD95 (mm)</source>
        <translation>HD95 (mm)</translation>
    </message>
    <message>
        <source>Images with the label</source>
        <translation>Bilder mit dem Label</translation>
    </message>
    <message>
        <source>The threshold applies to models with two classes.</source>
        <translation>Die Schwelle gilt für Modelle mit zwei Klassen.</translation>
    </message>
    <message>
        <source>Calling &apos;%1&apos; at probability ≥ %2: sensitivity %3 · specificity %4 · precision %5 (TP %6, FP %7, TN %8, FN %9)</source>
        <translation>„%1“ ab Wahrscheinlichkeit ≥ %2: Sensitivität %3 · Spezifität %4 · Präzision %5 (TP %6, FP %7, TN %8, FN %9)</translation>
    </message>
    <message>
        <source>The trained model on the test split: images the run never saw. Without a test split the validation split stands in, which the run reported on after every epoch.</source>
        <translation>Das trainierte Modell auf dem Test-Split: Bilder, die das Training nie gesehen hat. Ohne Test-Split tritt der Validierungs-Split an seine Stelle, über den das Training nach jeder Epoche berichtet hat.</translation>
    </message>
</context>
<context>
    <name>radpath::app::TrainingExportPage</name>
    <message>
        <source>Export</source>
        <translation>Export</translation>
    </message>
    <message>
        <source>Add the model to your model library to run it from the AI panel, and keep a report of how it was made.</source>
        <translation>Fügen Sie das Modell Ihrer Modellbibliothek hinzu, um es im KI-Panel auszuführen, und bewahren Sie einen Bericht über seine Entstehung auf.</translation>
    </message>
    <message>
        <source>Add to the model library</source>
        <translation>Zur Modellbibliothek hinzufügen</translation>
    </message>
    <message>
        <source>Model library</source>
        <translation>Modellbibliothek</translation>
    </message>
    <message>
        <source>Save training report (PDF)…</source>
        <translation>Trainingsbericht speichern (PDF)…</translation>
    </message>
    <message>
        <source>Save predictions (CSV)…</source>
        <translation>Vorhersagen speichern (CSV)…</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>Bericht</translation>
    </message>
    <message>
        <source>Save training report</source>
        <translation>Trainingsbericht speichern</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Save predictions</source>
        <translation>Vorhersagen speichern</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>No trained model yet.</source>
        <translation>Noch kein trainiertes Modell.</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; (%2)</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; (%2)</translation>
    </message>
    <message>
        <source>Library folder: %1</source>
        <translation>Bibliotheksordner: %1</translation>
    </message>
    <message>
        <source>Added as %1. The AI panel lists it.</source>
        <translation>Als %1 hinzugefügt. Das KI-Panel führt es auf.</translation>
    </message>
    <message>
        <source>Not added: %1</source>
        <translation>Nicht hinzugefügt: %1</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>%1 gespeichert</translation>
    </message>
    <message>
        <source>Copying the package into the library…</source>
        <translation>Das Paket wird in die Bibliothek kopiert…</translation>
    </message>
    <message>
        <source>Adding %1 to the model library</source>
        <translation>%1 wird der Modellbibliothek hinzugefügt</translation>
    </message>
</context>
<context>
    <name>radpath::app::TrainingModelPage</name>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>Train a new network, or fine-tune a model you have: its weights are the start and its head is replaced when the classes differ.</source>
        <translation>Trainieren Sie ein neues Netz oder stimmen Sie ein vorhandenes Modell fein ab: Seine Gewichte bilden den Ausgangspunkt, und sein Kopf wird ersetzt, wenn sich die Klassen unterscheiden.</translation>
    </message>
    <message>
        <source>New network:</source>
        <translation>Neues Netz:</translation>
    </message>
    <message>
        <source>Fine-tune a package:</source>
        <translation>Paket feinabstimmen:</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <source>Train only the head (freeze the features)</source>
        <translation>Nur den Kopf trainieren (Merkmale einfrieren)</translation>
    </message>
    <message>
        <source>Keeps the package&apos;s feature layers as they are and trains only the last layer: quick, and safer with few images</source>
        <translation>Behält die Merkmalsschichten des Pakets unverändert bei und trainiert nur die letzte Schicht: schnell und sicherer bei wenigen Bildern</translation>
    </message>
    <message>
        <source>Start from</source>
        <translation>Ausgangspunkt</translation>
    </message>
    <message>
        <source>Channels of the first convolution; the deeper layers scale with it</source>
        <translation>Kanäle der ersten Faltung; die tieferen Schichten skalieren mit</translation>
    </message>
    <message>
        <source>depth</source>
        <translation>Tiefe</translation>
    </message>
    <message>
        <source>height</source>
        <translation>Höhe</translation>
    </message>
    <message>
        <source>width</source>
        <translation>Breite</translation>
    </message>
    <message>
        <source>1 (grey; colour images are turned grey)</source>
        <translation>1 (Grau; Farbbilder werden in Graustufen umgewandelt)</translation>
    </message>
    <message>
        <source>3 (colour)</source>
        <translation>3 (Farbe)</translation>
    </message>
    <message>
        <source>Network and input</source>
        <translation>Netz und Eingabe</translation>
    </message>
    <message>
        <source>Base filters:</source>
        <translation>Basisfilter:</translation>
    </message>
    <message>
        <source>Input size (pixels):</source>
        <translation>Eingabegröße (Pixel):</translation>
    </message>
    <message>
        <source>Channels:</source>
        <translation>Kanäle:</translation>
    </message>
    <message>
        <source>Model package to fine-tune</source>
        <translation>Modellpaket zum Feinabstimmen</translation>
    </message>
    <message>
        <source>RadPath model packages (*.pt)</source>
        <translation>RadPath-Modellpakete (*.pt)</translation>
    </message>
    <message>
        <source>U-Net 3-D</source>
        <translation>U-Net 3-D</translation>
    </message>
    <message>
        <source>U-Net 2-D</source>
        <translation>U-Net 2-D</translation>
    </message>
    <message>
        <source>SimpleCNN (small, fast)</source>
        <translation>SimpleCNN (klein, schnell)</translation>
    </message>
    <message>
        <source>ResNet-18</source>
        <translation>ResNet-18</translation>
    </message>
    <message>
        <source>ResNet-34</source>
        <translation>ResNet-34</translation>
    </message>
    <message>
        <source>%1 %2 (%3)</source>
        <translation>%1 %2 (%3)</translation>
    </message>
    <message>
        <source>Input size, channels and intensity scaling come from the package.</source>
        <translation>Eingabegröße, Kanäle und Intensitätsskalierung stammen aus dem Paket.</translation>
    </message>
    <message>
        <source>Tiles are cut at the size chosen on the data page, in colour.</source>
        <translation>Die Kacheln werden in der auf der Datenseite gewählten Größe und in Farbe geschnitten.</translation>
    </message>
    <message>
        <source>Segmenters train on random patches of this size and run as a sliding window.</source>
        <translation>Segmentierer trainieren auf zufälligen Ausschnitten dieser Größe und laufen als gleitendes Fenster.</translation>
    </message>
    <message>
        <source>Every image is resized to this size.</source>
        <translation>Jedes Bild wird auf diese Größe skaliert.</translation>
    </message>
    <message>
        <source>No %1 package in the library: Browse…</source>
        <translation>Kein Paket für %1 in der Bibliothek: Durchsuchen…</translation>
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
        <source>classification</source>
        <translation>Klassifikation</translation>
    </message>
    <message>
        <source>Choose a package to fine-tune.</source>
        <translation>Wählen Sie ein Paket zum Feinabstimmen.</translation>
    </message>
    <message>
        <source>%1 needs input sides that are multiples of %2.</source>
        <translation>%1 benötigt Eingabeseiten, deren Längen Vielfache von %2 sind.</translation>
    </message>
    <message>
        <source>Checked layers keep the package&apos;s weights; the others are trained</source>
        <translation>Angehakte Schichten behalten die Gewichte des Pakets; die übrigen werden trainiert</translation>
    </message>
    <message>
        <source>Or freeze these layers:</source>
        <translation>Oder diese Schichten einfrieren:</translation>
    </message>
    <message>
        <source>Reading the layers of %1</source>
        <translation>Schichten von %1 werden gelesen</translation>
    </message>
    <message>
        <source>The package&apos;s layers cannot be read: %1</source>
        <translation>Die Schichten des Pakets können nicht gelesen werden: %1</translation>
    </message>
</context>
<context>
    <name>radpath::app::TrainingRunPage</name>
    <message>
        <source>decoding images</source>
        <translation>Bilder werden dekodiert</translation>
    </message>
    <message>
        <source>cutting slide tiles</source>
        <translation>Kacheln werden aus den Objektträgern geschnitten</translation>
    </message>
    <message>
        <source>loading the AI engine</source>
        <translation>KI-Engine wird geladen</translation>
    </message>
    <message>
        <source>the input size and channels are unknown</source>
        <translation>Eingabegröße und Kanäle sind unbekannt</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>Training</translation>
    </message>
    <message>
        <source>The curves grow as epochs end. A checkpoint is written after every epoch: a cancelled or interrupted run can be resumed.</source>
        <translation>Die Kurven wachsen mit jeder abgeschlossenen Epoche. Nach jeder Epoche wird ein Checkpoint geschrieben: Ein abgebrochener oder unterbrochener Lauf kann fortgesetzt werden.</translation>
    </message>
    <message>
        <source>Start training</source>
        <translation>Training starten</translation>
    </message>
    <message>
        <source>Resume from checkpoint</source>
        <translation>Ab Checkpoint fortsetzen</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pausieren</translation>
    </message>
    <message>
        <source>Cancel run</source>
        <translation>Lauf abbrechen</translation>
    </message>
    <message>
        <source>Loss</source>
        <translation>Verlust</translation>
    </message>
    <message>
        <source>epoch</source>
        <translation>Epoche</translation>
    </message>
    <message>
        <source>loss</source>
        <translation>Verlust</translation>
    </message>
    <message>
        <source>Validation</source>
        <translation>Validierung</translation>
    </message>
    <message>
        <source>Start over</source>
        <translation>Neu beginnen</translation>
    </message>
    <message>
        <source>A checkpoint of an earlier run is there. Start over and delete it?</source>
        <translation>Es gibt einen Checkpoint eines früheren Laufs. Neu beginnen und ihn löschen?</translation>
    </message>
    <message>
        <source>Running: %1</source>
        <translation>Läuft: %1</translation>
    </message>
    <message>
        <source>A checkpoint of an earlier run is there: resume it, or start over.</source>
        <translation>Es gibt einen Checkpoint eines früheren Laufs: Setzen Sie ihn fort oder beginnen Sie neu.</translation>
    </message>
    <message>
        <source>Ready to train.</source>
        <translation>Bereit zum Training.</translation>
    </message>
    <message>
        <source>training loss</source>
        <translation>Trainingsverlust</translation>
    </message>
    <message>
        <source>validation loss</source>
        <translation>Validierungsverlust</translation>
    </message>
    <message>
        <source>validation Dice</source>
        <translation>Validierungs-Dice</translation>
    </message>
    <message>
        <source>validation accuracy</source>
        <translation>Validierungsgenauigkeit</translation>
    </message>
    <message>
        <source>validation AUC</source>
        <translation>Validierungs-AUC</translation>
    </message>
    <message>
        <source>Validation Dice</source>
        <translation>Validierungs-Dice</translation>
    </message>
    <message>
        <source>Validation accuracy and AUC</source>
        <translation>Validierungsgenauigkeit und -AUC</translation>
    </message>
    <message>
        <source>Epoch</source>
        <translation>Epoche</translation>
    </message>
    <message>
        <source>Train loss</source>
        <translation>Trainingsverlust</translation>
    </message>
    <message>
        <source>Val loss</source>
        <translation>Val.-Verlust</translation>
    </message>
    <message>
        <source>Val Dice</source>
        <translation>Val.-Dice</translation>
    </message>
    <message>
        <source>Val accuracy</source>
        <translation>Val.-Genauigkeit</translation>
    </message>
    <message>
        <source>Val AUC</source>
        <translation>Val.-AUC</translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation>Lernrate</translation>
    </message>
    <message>
        <source>Time (s)</source>
        <translation>Zeit (s)</translation>
    </message>
    <message>
        <source>Waiting for data (s)</source>
        <translation>Warten auf Daten (s)</translation>
    </message>
    <message>
        <source>%1 ★</source>
        <translation>%1 ★</translation>
    </message>
    <message>
        <source>The best epoch so far by the early-stopping figure</source>
        <translation>Die bisher beste Epoche nach der Kennzahl für Early Stopping</translation>
    </message>
    <message>
        <source>The settings cannot be used: %1</source>
        <translation>Die Einstellungen sind nicht verwendbar: %1</translation>
    </message>
    <message>
        <source>RadPath training wizard%1</source>
        <translation>RadPath-Trainingsassistent%1</translation>
    </message>
    <message>
        <source> (resumed)</source>
        <translation> (fortgesetzt)</translation>
    </message>
    <message>
        <source>Resuming…</source>
        <translation>Wird fortgesetzt…</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>Wird gestartet…</translation>
    </message>
    <message>
        <source>Training %1</source>
        <translation>%1 wird trainiert</translation>
    </message>
    <message>
        <source>Paused after the current batch. The run holds its place; Resume goes on.</source>
        <translation>Nach dem aktuellen Batch pausiert. Der Lauf behält seinen Stand; „Fortsetzen“ macht weiter.</translation>
    </message>
    <message>
        <source>Running…</source>
        <translation>Läuft…</translation>
    </message>
    <message>
        <source>Cancelling at the next batch…</source>
        <translation>Wird beim nächsten Batch abgebrochen…</translation>
    </message>
    <message>
        <source>Finished: %1 (weights of epoch %2%3).</source>
        <translation>Fertig: %1 (Gewichte der Epoche %2%3).</translation>
    </message>
    <message>
        <source>, stopped early</source>
        <translation>, vorzeitig gestoppt</translation>
    </message>
    <message>
        <source>Cancelled. The checkpoint of epoch %1 is kept: &quot;Resume from checkpoint&quot; goes on from there.</source>
        <translation>Abgebrochen. Der Checkpoint der Epoche %1 bleibt erhalten: „Ab Checkpoint fortsetzen“ macht dort weiter.</translation>
    </message>
    <message>
        <source>Cancelled before the first epoch ended.</source>
        <translation>Abgebrochen, bevor die erste Epoche beendet war.</translation>
    </message>
    <message>
        <source>Training failed: %1</source>
        <translation>Training fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Fortsetzen</translation>
    </message>
    <message>
        <source>Elapsed %1</source>
        <translation>Verstrichen: %1</translation>
    </message>
    <message>
        <source>about %1 left</source>
        <translation>noch etwa %1</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>pausiert</translation>
    </message>
    <message>
        <source>Paused: the images being read now are finished, then the run holds. Resume goes on.</source>
        <translation>Pausiert: Die gerade gelesenen Bilder werden fertig gelesen, dann hält der Lauf an. „Fortsetzen“ setzt ihn fort.</translation>
    </message>
</context>
<context>
    <name>radpath::app::TrainingSettingsPage</name>
    <message>
        <source>Training settings</source>
        <translation>Trainingseinstellungen</translation>
    </message>
    <message>
        <source>The defaults suit a first run. &quot;Save config…&quot; writes these settings as a train.json for radpath-cli train, e.g. to train on a server.</source>
        <translation>Die Standardwerte eignen sich für einen ersten Lauf. „Konfiguration speichern…“ schreibt diese Einstellungen als train.json für radpath-cli train, z. B. um auf einem Server zu trainieren.</translation>
    </message>
    <message>
        <source>Adam</source>
        <translation>Adam</translation>
    </message>
    <message>
        <source>AdamW</source>
        <translation>AdamW</translation>
    </message>
    <message>
        <source>SGD with momentum</source>
        <translation>SGD mit Momentum</translation>
    </message>
    <message>
        <source>Cosine decay</source>
        <translation>Kosinus-Abklingen</translation>
    </message>
    <message>
        <source>Step (× 0.1 every 10 epochs)</source>
        <translation>Stufenweise (× 0,1 alle 10 Epochen)</translation>
    </message>
    <message>
        <source>Constant</source>
        <translation>Konstant</translation>
    </message>
    <message>
        <source>Optimisation</source>
        <translation>Optimierung</translation>
    </message>
    <message>
        <source>Epochs:</source>
        <translation>Epochen:</translation>
    </message>
    <message>
        <source>Batch size:</source>
        <translation>Batchgröße:</translation>
    </message>
    <message>
        <source>Learning rate:</source>
        <translation>Lernrate:</translation>
    </message>
    <message>
        <source>Optimizer:</source>
        <translation>Optimierer:</translation>
    </message>
    <message>
        <source>Weight decay:</source>
        <translation>Weight Decay:</translation>
    </message>
    <message>
        <source>Learning-rate schedule:</source>
        <translation>Lernraten-Zeitplan:</translation>
    </message>
    <message>
        <source>off</source>
        <translation>aus</translation>
    </message>
    <message>
        <source> epochs</source>
        <translation> Epochen</translation>
    </message>
    <message>
        <source>Stops when the monitored figure has not improved for this many epochs and keeps the best epoch&apos;s weights; 0: never stop early</source>
        <translation>Stoppt, wenn sich die überwachte Kennzahl so viele Epochen lang nicht verbessert hat, und behält die Gewichte der besten Epoche; 0: nie vorzeitig stoppen</translation>
    </message>
    <message>
        <source>Balanced class weights (rarer classes weigh more in the loss)</source>
        <translation>Ausgeglichene Klassengewichte (seltenere Klassen zählen im Verlust stärker)</translation>
    </message>
    <message>
        <source>Early stopping and class weights</source>
        <translation>Early Stopping und Klassengewichte</translation>
    </message>
    <message>
        <source>Patience:</source>
        <translation>Geduld:</translation>
    </message>
    <message>
        <source>Monitor:</source>
        <translation>Überwachte Kennzahl:</translation>
    </message>
    <message>
        <source>Random flips</source>
        <translation>Zufällige Spiegelungen</translation>
    </message>
    <message>
        <source>Random 90° turns</source>
        <translation>Zufällige 90°-Drehungen</translation>
    </message>
    <message>
        <source>Random zoom by up to ± this share</source>
        <translation>Zufälliger Zoom um bis zu ± diesen Anteil</translation>
    </message>
    <message>
        <source>Random intensity scaling by up to ± this share</source>
        <translation>Zufällige Intensitätsskalierung um bis zu ± diesen Anteil</translation>
    </message>
    <message>
        <source>Standard deviation of Gaussian noise added after intensity scaling (images span 0..1)</source>
        <translation>Standardabweichung des gaußschen Rauschens, das nach der Intensitätsskalierung addiert wird (Bilder liegen im Bereich 0..1)</translation>
    </message>
    <message>
        <source> voxels</source>
        <translation> Voxel</translation>
    </message>
    <message>
        <source>3-D only: smooth random deformation of up to this many voxels</source>
        <translation>Nur 3-D: glatte zufällige Verformung um bis zu so viele Voxel</translation>
    </message>
    <message>
        <source>Augmentation (training images only)</source>
        <translation>Augmentierung (nur Trainingsbilder)</translation>
    </message>
    <message>
        <source>Rotation ±:</source>
        <translation>Rotation ±:</translation>
    </message>
    <message>
        <source>Scale ±:</source>
        <translation>Skalierung ±:</translation>
    </message>
    <message>
        <source>Intensity ±:</source>
        <translation>Intensität ±:</translation>
    </message>
    <message>
        <source>Contrast ±:</source>
        <translation>Kontrast ±:</translation>
    </message>
    <message>
        <source>Noise σ:</source>
        <translation>Rauschen σ:</translation>
    </message>
    <message>
        <source>Elastic:</source>
        <translation>Elastisch:</translation>
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
        <source>Checking for a GPU…</source>
        <translation>Suche nach einer GPU…</translation>
    </message>
    <message>
        <source>automatic (%1)</source>
        <translation>automatisch (%1)</translation>
    </message>
    <message>
        <source>Shuffling, augmentation and the validation split repeat with the same seed</source>
        <translation>Mischen, Augmentierung und Validierungs-Split wiederholen sich mit demselben Seed</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Ausführung</translation>
    </message>
    <message>
        <source>Device:</source>
        <translation>Gerät:</translation>
    </message>
    <message>
        <source>Threads:</source>
        <translation>Threads:</translation>
    </message>
    <message>
        <source>Seed:</source>
        <translation>Seed:</translation>
    </message>
    <message>
        <source>Model name:</source>
        <translation>Modellname:</translation>
    </message>
    <message>
        <source>Save config…</source>
        <translation>Konfiguration speichern…</translation>
    </message>
    <message>
        <source>Save training configuration</source>
        <translation>Trainingskonfiguration speichern</translation>
    </message>
    <message>
        <source>Training configuration (*.json)</source>
        <translation>Trainingskonfiguration (*.json)</translation>
    </message>
    <message>
        <source>validation loss</source>
        <translation>Validierungsverlust</translation>
    </message>
    <message>
        <source>validation Dice</source>
        <translation>Validierungs-Dice</translation>
    </message>
    <message>
        <source>validation accuracy</source>
        <translation>Validierungsgenauigkeit</translation>
    </message>
    <message>
        <source>validation AUC</source>
        <translation>Validierungs-AUC</translation>
    </message>
    <message>
        <source>%1 segmenter</source>
        <translation>Segmentierer %1</translation>
    </message>
    <message>
        <source>%1 tile classifier</source>
        <translation>Kachelklassifikator %1</translation>
    </message>
    <message>
        <source>%1 classifier</source>
        <translation>Klassifikator %1</translation>
    </message>
    <message>
        <source>Loading the AI engine</source>
        <translation>KI-Engine wird geladen</translation>
    </message>
    <message>
        <source>The AI engine is unavailable: %1</source>
        <translation>Die KI-Engine ist nicht verfügbar: %1</translation>
    </message>
    <message>
        <source>LibTorch %1 with CUDA: %2</source>
        <translation>LibTorch %1 mit CUDA: %2</translation>
    </message>
    <message>
        <source>LibTorch %1 without CUDA on this machine: training runs on the CPU.</source>
        <translation>LibTorch %1 ohne CUDA auf diesem Rechner: Das Training läuft auf der CPU.</translation>
    </message>
    <message>
        <source>The run writes %1.pt and its checkpoint into %2</source>
        <translation>Der Lauf schreibt %1.pt und seinen Checkpoint nach %2</translation>
    </message>
    <message>
        <source>Saved %1. Train with: radpath-cli train --config %2</source>
        <translation>%1 gespeichert. Trainieren mit: radpath-cli train --config %2</translation>
    </message>
</context>
<context>
    <name>radpath::app::TrainingTaskPage</name>
    <message>
        <source>What should the model do?</source>
        <translation>Was soll das Modell tun?</translation>
    </message>
    <message>
        <source>RadPath trains on your own labelled images and adds the model to your model library.</source>
        <translation>RadPath trainiert mit Ihren eigenen gelabelten Bildern und fügt das Modell Ihrer Modellbibliothek hinzu.</translation>
    </message>
    <message>
        <source>2-D image classification</source>
        <translation>2-D-Bildklassifikation</translation>
    </message>
    <message>
        <source>Slide tile classification</source>
        <translation>Klassifikation von Objektträger-Kacheln</translation>
    </message>
    <message>
        <source>One label per image (e.g. normal / pneumonia) from class folders: train/&lt;class&gt;/, val/&lt;class&gt;/ and optionally test/&lt;class&gt;/, or only &lt;class&gt;/ folders, split for you. PNG, JPEG, TIFF, DICOM, NIfTI.</source>
        <translation>Ein Label pro Bild (z. B. normal / Pneumonie) aus Klassenordnern: train/&lt;Klasse&gt;/, val/&lt;Klasse&gt;/ und optional test/&lt;Klasse&gt;/, oder nur &lt;Klasse&gt;/-Ordner, die automatisch aufgeteilt werden. PNG, JPEG, TIFF, DICOM, NIfTI.</translation>
    </message>
    <message>
        <source>A class per tile of a whole-slide image, for heat maps over slides. Tiles are cut at a chosen size and µm per pixel from slides annotated beside them (SLIDE.geojson from QuPath, or ASAP&apos;s SLIDE.xml): train/ and val/ folders of slides, or the slides in one folder. A folder of tile images by class works too.</source>
        <translation>Eine Klasse pro Kachel eines Whole-Slide-Bildes, für Heatmaps über Objektträgern. Die Kacheln werden in gewählter Größe und µm pro Pixel aus Objektträgern geschnitten, deren Annotationen daneben liegen (SLIDE.geojson aus QuPath oder SLIDE.xml von ASAP): train/- und val/-Ordner mit Objektträgern oder die Objektträger in einem Ordner. Ein Ordner mit Kachelbildern nach Klasse funktioniert ebenfalls.</translation>
    </message>
    <message>
        <source>Segmentation (3-D volumes or 2-D images)</source>
        <translation>Segmentierung (3D-Volumen oder 2D-Bilder)</translation>
    </message>
    <message>
        <source>A label per voxel or pixel from images paired with label maps of the same name: train/images/ with train/labels/ (and val/, test/), or images/ with labels/. U-Net 3-D for volumes, U-Net 2-D for 2-D images.</source>
        <translation>Ein Label pro Voxel oder Pixel aus Bildern mit gleichnamigen Label-Maps: train/images/ mit train/labels/ (sowie val/, test/) oder images/ mit labels/. U-Net 3D für Volumen, U-Net 2D für 2D-Bilder.</translation>
    </message>
</context>
<context>
    <name>radpath::app::TrainingWizard</name>
    <message>
        <source>Train a model</source>
        <translation>Modell trainieren</translation>
    </message>
    <message>
        <source>the training wizard</source>
        <translation>Trainingsassistent</translation>
    </message>
    <message>
        <source>A job of the wizard is still running. Stop it and close? A training run keeps its last checkpoint.</source>
        <translation>Ein Auftrag des Assistenten läuft noch. Anhalten und schließen? Ein Trainingslauf behält seinen letzten Checkpoint.</translation>
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
